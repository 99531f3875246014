package dev.damsel.reports.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;
import java.util.Map;

/**
 * The JSON shape of a {@code RunResult}, shared by the writer and the reader. Non-finite numbers are {@code null}
 * (JSON has no NaN); instants are ISO-8601 strings. {@code format} is {@link #FORMAT}, raised whenever the shape
 * changes in a way an older reader would misread.
 */
record ResultDocument(
        @JsonProperty("format") Integer format,
        @JsonProperty("suite") String suite,
        @JsonProperty("memory") String memory,
        @JsonProperty("strategy") String strategy,
        @JsonProperty("seed") Long seed,
        @JsonProperty("taskIds") List<String> taskIds,
        @JsonProperty("accuracy") Accuracy accuracy,
        @JsonProperty("metrics") Map<String, Double> metrics,
        @JsonProperty("details") List<List<Map<String, Double>>> details,
        @JsonProperty("finalLosses") List<Double> finalLosses,
        @JsonProperty("started") String started,
        @JsonProperty("finished") String finished) {

    /** The format this version of damsel writes and the newest it reads. */
    static final int FORMAT = 1;

    /** R (row i after training task i), b (before training) and, when measured, a* (joint-training reference). */
    record Accuracy(
            @JsonProperty("r") List<List<Double>> r,
            @JsonProperty("b") List<Double> b,
            @JsonProperty("aStar") @JsonInclude(JsonInclude.Include.NON_NULL) List<Double> aStar) {
    }
}

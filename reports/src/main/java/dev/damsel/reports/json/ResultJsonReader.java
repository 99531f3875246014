package dev.damsel.reports.json;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.damsel.api.AccuracyMatrix;
import dev.damsel.api.Metric;
import dev.damsel.reports.RunResult;
import dev.damsel.reports.metrics.Metrics;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads a {@link RunResult} written by {@link ResultJsonWriter}. {@code null} numbers come back as NaN. Metrics come
 * back in the order of {@link Metrics#standard()}, then any other ids alphabetically. Unknown keys and a
 * {@code format} newer than this reader's are errors, so a file in a newer format is not silently misread; a file
 * without {@code format} is read as format 1 (the first, which had no such field).
 */
public final class ResultJsonReader {
    private final ObjectMapper mapper = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    public RunResult read(Path file) throws IOException {
        try {
            return fromJson(Files.readString(file));
        } catch (IllegalArgumentException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
    }

    /**
     * @throws IOException              if the text is not JSON of the expected shape
     * @throws IllegalArgumentException if it is, but does not describe a consistent result
     */
    public RunResult fromJson(String json) throws IOException {
        ResultDocument doc = mapper.readValue(json, ResultDocument.class);
        int format = doc.format() == null ? 1 : doc.format();
        if (format < 1 || format > ResultDocument.FORMAT) {
            throw new IllegalArgumentException("format is " + format + "; this damsel reads formats 1 to "
                    + ResultDocument.FORMAT);
        }
        ResultDocument.Accuracy accuracy = required("accuracy", doc.accuracy());
        List<List<Double>> rows = required("accuracy.r", accuracy.r());
        double[][] r = new double[rows.size()][];
        for (int i = 0; i < r.length; i++) {
            r[i] = numbers(rows.get(i));
        }
        double[] aStar = accuracy.aStar() == null ? null : numbers(accuracy.aStar());
        AccuracyMatrix matrix = new AccuracyMatrix(r, numbers(required("accuracy.b", accuracy.b())), aStar);

        List<List<Map<String, Double>>> details = new ArrayList<>();
        for (List<Map<String, Double>> row : required("details", doc.details())) {
            List<Map<String, Double>> out = new ArrayList<>();
            for (Map<String, Double> entry : row) {
                out.add(numbers(entry));
            }
            details.add(out);
        }
        List<Double> finalLosses = new ArrayList<>();
        for (Double loss : required("finalLosses", doc.finalLosses())) {
            finalLosses.add(loss == null ? Double.NaN : loss);
        }
        return new RunResult(required("suite", doc.suite()), required("memory", doc.memory()),
                required("strategy", doc.strategy()), required("seed", doc.seed()), matrix,
                inStandardOrder(numbers(required("metrics", doc.metrics()))), details,
                required("taskIds", doc.taskIds()), finalLosses, instant("started", doc.started()),
                instant("finished", doc.finished()));
    }

    private static Map<String, Double> inStandardOrder(Map<String, Double> metrics) {
        Map<String, Double> rest = new TreeMap<>(metrics);
        Map<String, Double> ordered = new LinkedHashMap<>();
        for (Metric metric : Metrics.standard()) {
            if (rest.containsKey(metric.id())) {
                ordered.put(metric.id(), rest.remove(metric.id()));
            }
        }
        ordered.putAll(rest);
        return ordered;
    }

    private static <T> T required(String field, T value) {
        if (value == null) {
            throw new IllegalArgumentException("the result has no " + field);
        }
        return value;
    }

    private static Instant instant(String field, String text) {
        try {
            return Instant.parse(required(field, text));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(field + " is not an ISO-8601 instant: " + text, e);
        }
    }

    private static double[] numbers(List<Double> values) {
        double[] out = new double[values.size()];
        for (int i = 0; i < out.length; i++) {
            Double v = values.get(i);
            out[i] = v == null ? Double.NaN : v;
        }
        return out;
    }

    private static Map<String, Double> numbers(Map<String, Double> values) {
        Map<String, Double> out = new TreeMap<>();
        values.forEach((k, v) -> out.put(k, v == null ? Double.NaN : v));
        return out;
    }
}

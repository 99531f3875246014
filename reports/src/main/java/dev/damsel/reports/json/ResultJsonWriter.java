package dev.damsel.reports.json;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.damsel.api.AccuracyMatrix;
import dev.damsel.reports.RunResult;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a {@link RunResult} as pretty-printed JSON with every key sorted, so that two results diff line by line:
 * <pre>{@code
 * { "accuracy": {"aStar": [...]?, "b": [...], "r": [[...], ...]}, "details": [[{...}]], "finalLosses": [...],
 *   "finished": "2024-01-01T00:00:00Z", "format": 1, "memory": "...", "metrics": {"acc": 0.9, ...}, "seed": 42,
 *   "started": "...", "strategy": "...", "suite": "...", "taskIds": [...] }
 * }</pre>
 * {@code aStar} is left out when the matrix has none. NaN and infinite numbers (an undefined metric, a missing loss)
 * are written as {@code null}; instants as ISO-8601 strings. Lines end in {@code \n} on every platform, and the text
 * ends with one. {@code src/test/resources/golden/result.json} seals the format; {@link ResultJsonReader} reads it back.
 */
public final class ResultJsonWriter {
    private final ObjectWriter writer;

    public ResultJsonWriter() {
        ObjectMapper mapper = JsonMapper.builder()
                .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
                .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
                .build();
        DefaultIndenter newlines = new DefaultIndenter("  ", "\n");
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter()
                .withObjectIndenter(newlines)
                .withArrayIndenter(newlines);
        this.writer = mapper.writer(printer);
    }

    /** The JSON text, ending in a newline. */
    public String toJson(RunResult result) {
        try {
            return writer.writeValueAsString(document(result)) + "\n";
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the result of " + result.suite() + " as JSON", e);
        }
    }

    /** Writes the JSON text to {@code file} in UTF-8, replacing it if it exists. */
    public void write(RunResult result, Path file) throws IOException {
        Files.writeString(file, toJson(result), StandardCharsets.UTF_8);
    }

    static ResultDocument document(RunResult result) {
        AccuracyMatrix matrix = result.matrix();
        List<List<Double>> r = new ArrayList<>();
        for (double[] row : matrix.r()) {
            r.add(numbers(row));
        }
        ResultDocument.Accuracy accuracy = new ResultDocument.Accuracy(r, numbers(matrix.b()),
                matrix.aStar().map(ResultJsonWriter::numbers).orElse(null));
        List<List<Map<String, Double>>> details = new ArrayList<>();
        for (List<Map<String, Double>> row : result.details()) {
            List<Map<String, Double>> out = new ArrayList<>();
            for (Map<String, Double> entry : row) {
                out.add(numbers(entry));
            }
            details.add(out);
        }
        return new ResultDocument(ResultDocument.FORMAT, result.suite(), result.memory(), result.strategy(), result.seed(), result.taskIds(),
                accuracy, numbers(result.metrics()), details, numbers(result.finalLosses()),
                result.started().toString(), result.finished().toString());
    }

    private static Double number(double value) {
        return Double.isFinite(value) ? value : null;
    }

    private static List<Double> numbers(double[] values) {
        List<Double> out = new ArrayList<>(values.length);
        for (double v : values) {
            out.add(number(v));
        }
        return out;
    }

    private static List<Double> numbers(List<Double> values) {
        List<Double> out = new ArrayList<>(values.size());
        for (Double v : values) {
            out.add(v == null ? null : number(v));
        }
        return out;
    }

    private static Map<String, Double> numbers(Map<String, Double> values) {
        Map<String, Double> out = new LinkedHashMap<>();
        values.forEach((k, v) -> out.put(k, v == null ? null : number(v)));
        return out;
    }
}

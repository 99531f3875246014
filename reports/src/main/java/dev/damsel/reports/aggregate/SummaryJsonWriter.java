package dev.damsel.reports.aggregate;

import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes the aggregate of an experiment as {@code summary.json}, keys sorted, NaN as {@code null}:
 * <pre>{@code
 * {"confidence": 0.95, "seeds": [1, 2], "strategies": [
 *   {"name": "naive", "strategy": "naive", "metrics": {"acc": {"n": 2, "mean": .., "sd": .., "halfWidth": ..,
 *    "low": .., "high": .., "values": [.., ..]}, ...}}, ...]}
 * }</pre>
 */
public final class SummaryJsonWriter {
    private final ObjectMapper mapper = JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .build();

    public String toJson(List<StrategySummary> summaries, double confidence) throws IOException {
        ObjectNode root = mapper.createObjectNode();
        root.put("confidence", confidence);
        ArrayNode seeds = root.putArray("seeds");
        if (!summaries.isEmpty()) {
            summaries.get(0).seeds().forEach(seeds::add);
        }
        ArrayNode strategies = root.putArray("strategies");
        for (StrategySummary summary : summaries) {
            ObjectNode s = strategies.addObject();
            s.put("name", summary.name());
            s.put("strategy", summary.strategy());
            ObjectNode metrics = s.putObject("metrics");
            summary.metrics().forEach((id, m) -> {
                ObjectNode node = metrics.putObject(id);
                node.put("n", m.n());
                number(node, "mean", m.mean());
                number(node, "sd", m.sd());
                number(node, "halfWidth", m.halfWidth());
                number(node, "low", m.mean() - m.halfWidth());
                number(node, "high", m.mean() + m.halfWidth());
                ArrayNode values = node.putArray("values");
                for (double v : m.values()) {
                    if (Double.isFinite(v)) {
                        values.add(v);
                    } else {
                        values.addNull();
                    }
                }
            });
        }
        return sorted(root) + "\n";
    }

    public void write(List<StrategySummary> summaries, double confidence, Path file) throws IOException {
        Files.writeString(file, toJson(summaries, confidence), StandardCharsets.UTF_8);
    }

    private String sorted(ObjectNode root) throws IOException {
        Object plain = mapper.treeToValue(root, Object.class);
        return mapper.writeValueAsString(plain).replace("\r\n", "\n");
    }

    private static void number(ObjectNode node, String key, double value) {
        if (Double.isFinite(value)) {
            node.put(key, value);
        } else {
            node.putNull(key);
        }
    }
}

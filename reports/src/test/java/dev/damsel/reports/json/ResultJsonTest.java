package dev.damsel.reports.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.damsel.reports.Fixtures;
import dev.damsel.reports.RunResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ResultJsonTest {
    private final ResultJsonWriter writer = new ResultJsonWriter();
    private final ResultJsonReader reader = new ResultJsonReader();

    @Test
    void matchesTheGoldenFile() throws IOException {
        // A deliberate format change regenerates golden/result.json; review the diff before committing it.
        assertThat(writer.toJson(Fixtures.twoTasks())).isEqualTo(Fixtures.golden("result.json"));
    }

    @Test
    void sortsKeysAndWritesUndefinedNumbersAsNull() throws IOException {
        JsonNode tree = new ObjectMapper().readTree(writer.toJson(Fixtures.twoTasks()));

        List<String> keys = new ArrayList<>();
        tree.fieldNames().forEachRemaining(keys::add);
        assertThat(keys).containsExactly("accuracy", "details", "finalLosses", "finished", "format", "memory", "metrics", "seed",
                "started", "strategy", "suite", "taskIds");
        List<String> metricKeys = new ArrayList<>();
        tree.get("metrics").fieldNames().forEachRemaining(metricKeys::add);
        assertThat(metricKeys).isSorted();
        assertThat(tree.get("metrics").get("intransigence").isNull()).isTrue();
        assertThat(tree.get("finalLosses").get(1).isNull()).isTrue();
        assertThat(tree.get("accuracy").has("aStar")).isFalse();
        assertThat(tree.get("started").asText()).isEqualTo("2024-05-01T12:00:00Z");
    }

    @Test
    void writesTheJointReferenceWhenThereIsOne() throws IOException {
        JsonNode accuracy = new ObjectMapper().readTree(writer.toJson(Fixtures.threeTasksWithReference()))
                .get("accuracy");

        List<String> keys = new ArrayList<>();
        accuracy.fieldNames().forEachRemaining(keys::add);
        assertThat(keys).containsExactly("aStar", "b", "r");
        assertThat(accuracy.get("aStar").get(0).asDouble()).isEqualTo(0.95);
    }

    @Test
    void roundTrips() throws IOException {
        for (RunResult result : List.of(Fixtures.twoTasks(), Fixtures.threeTasksWithReference())) {
            RunResult back = reader.fromJson(writer.toJson(result));

            // records compare Double NaN by Double.equals, under which NaN equals NaN
            assertThat(back).isEqualTo(result);
            assertThat(back.metrics().keySet()).containsExactlyElementsOf(result.metrics().keySet());
        }
    }

    @Test
    void roundTripsThroughAFile(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("result.json");
        writer.write(Fixtures.threeTasksWithReference(), file);

        assertThat(reader.read(file)).isEqualTo(Fixtures.threeTasksWithReference());
    }

    @Test
    void refusesUnknownKeysAndMissingFields() {
        assertThatThrownBy(() -> reader.fromJson("{\"suite\": \"random\", \"colour\": \"blue\"}"))
                .isInstanceOf(IOException.class).hasMessageContaining("colour");
        assertThatThrownBy(() -> reader.fromJson("{\"suite\": \"random\"}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("accuracy");
    }

    @Test
    void readsFilesWithoutAFormatAndRefusesNewerFormats() throws IOException {
        String json = writer.toJson(Fixtures.twoTasks());
        assertThat(json).contains("\"format\" : 1,");

        assertThat(reader.fromJson(json.replace("  \"format\" : 1,\n", ""))).isEqualTo(Fixtures.twoTasks());
        assertThatThrownBy(() -> reader.fromJson(json.replace("\"format\" : 1,", "\"format\" : 2,")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("format is 2; this damsel reads formats 1 to 1");
    }
}

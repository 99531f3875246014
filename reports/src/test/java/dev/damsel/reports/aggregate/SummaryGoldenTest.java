package dev.damsel.reports.aggregate;

import dev.damsel.reports.Fixtures;
import dev.damsel.reports.RunResult;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Seals summary.json and summary.md: two strategies over seeds 42 and 43, one metric undefined in one seed and
 * another undefined in every seed. A deliberate format change regenerates the golden files; review the diff.
 */
class SummaryGoldenTest {
    private static List<StrategySummary> summaries() {
        RunResult first = Fixtures.twoTasks();
        RunResult second = Fixtures.withSeed(Fixtures.twoTasks(), 43L, 0.625);
        RunResult ewc = Fixtures.threeTasksWithReference();
        RunResult ewcSecond = Fixtures.withSeed(Fixtures.threeTasksWithReference(), 43L, 0.5);
        return List.of(
                StrategySummary.of("naive", List.of(first, second), 0.95),
                StrategySummary.of("ewc (λ=10)", List.of(Fixtures.withSeed(ewc, 42L, ewc.metrics().get("acc")),
                        ewcSecond), 0.95));
    }

    @Test
    void summaryJsonMatchesTheGoldenFile() throws IOException {
        assertThat(new SummaryJsonWriter().toJson(summaries(), 0.95)).isEqualTo(Fixtures.golden("summary.json"));
    }

    @Test
    void summaryMarkdownMatchesTheGoldenFile() throws IOException {
        assertThat(SummaryTable.markdown(summaries(), List.of("acc", "bwt.gem", "intransigence")))
                .isEqualTo(Fixtures.golden("summary.md"));
    }
}

package dev.damsel.reports.aggregate;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class MetricSummaryTest {
    @Test
    void studentTIntervalByHand() {
        MetricSummary m = MetricSummary.of(new double[]{1, 2, 3}, 0.95);
        assertThat(m.n()).isEqualTo(3);
        assertThat(m.mean()).isEqualTo(2.0);
        assertThat(m.sd()).isCloseTo(1.0, within(1e-12));
        // t_{0.975, 2} = 4.302652729911275
        assertThat(m.halfWidth()).isCloseTo(4.302652729911275 / Math.sqrt(3), within(1e-9));
    }

    @Test
    void undefinedValuesAreLeftOut() {
        MetricSummary m = MetricSummary.of(new double[]{Double.NaN, 4, 6}, 0.95);
        assertThat(m.n()).isEqualTo(2);
        assertThat(m.mean()).isEqualTo(5.0);
        // t_{0.975, 1} = 12.706204736174705, s = √2
        assertThat(m.halfWidth()).isCloseTo(12.706204736174705 * Math.sqrt(2) / Math.sqrt(2), within(1e-9));
        assertThat(MetricSummary.of(new double[]{7}, 0.95).halfWidth()).isNaN();
        assertThat(MetricSummary.of(new double[]{Double.NaN}, 0.95).mean()).isNaN();
    }

    @Test
    void tableShowsMeanAndHalfWidth() {
        StrategySummary s = new StrategySummary("naive", "naive", List.of(1L, 2L, 3L),
                Map.of("acc", MetricSummary.of(new double[]{1, 2, 3}, 0.95)));
        String table = SummaryTable.markdown(List.of(s), List.of("acc", "bwt.gem"));
        assertThat(table).isEqualTo("""
                mean ± 95% CI (Student t) over seeds 1, 2, 3

                | strategy | acc | bwt.gem |
                |---|---:|---:|
                | naive | 2.000 ± 2.484 | n/a |
                """);
    }
}

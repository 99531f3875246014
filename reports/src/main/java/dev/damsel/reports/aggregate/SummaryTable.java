package dev.damsel.reports.aggregate;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Renders strategy summaries as a Markdown table, readable in a terminal and pasteable into docs: one row per
 * strategy, one column per metric, each cell {@code mean ± half-width} with three decimals ({@code n/a} where
 * undefined, the mean alone when only one seed defines it), and a header line giving the confidence level and seeds.
 * <pre>
 * mean ± 95% CI (Student t) over seeds 1, 2, 3
 *
 * | strategy | acc | bwt.gem |
 * |---|---:|---:|
 * | naive | 0.412 ± 0.031 | -0.533 ± 0.040 |
 * </pre>
 */
public final class SummaryTable {
    private SummaryTable() {
    }

    public static String markdown(List<StrategySummary> summaries, List<String> metricIds) {
        StringBuilder out = new StringBuilder();
        if (!summaries.isEmpty()) {
            double confidence = summaries.get(0).metrics().values().stream().findFirst()
                    .map(MetricSummary::confidence).orElse(0.95);
            out.append(String.format(Locale.ROOT, "mean ± %s%% CI (Student t) over seeds %s%n%n",
                    percent(confidence), String.join(", ",
                            summaries.get(0).seeds().stream().map(String::valueOf).toList())));
        }
        List<String> header = new ArrayList<>();
        header.add("strategy");
        header.addAll(metricIds);
        out.append("| ").append(String.join(" | ", header)).append(" |\n");
        out.append("|---").append("|---:".repeat(metricIds.size())).append("|\n");
        for (StrategySummary summary : summaries) {
            List<String> cells = new ArrayList<>();
            cells.add(summary.name());
            for (String id : metricIds) {
                MetricSummary m = summary.metrics().get(id);
                cells.add(m == null ? "n/a" : cell(m));
            }
            out.append("| ").append(String.join(" | ", cells)).append(" |\n");
        }
        return out.toString().replace("\r\n", "\n");
    }

    static String cell(MetricSummary m) {
        if (m.n() == 0) {
            return "n/a";
        }
        if (!Double.isFinite(m.halfWidth())) {
            return String.format(Locale.ROOT, "%.3f", m.mean());
        }
        return String.format(Locale.ROOT, "%.3f ± %.3f", m.mean(), m.halfWidth());
    }

    private static String percent(double confidence) {
        double p = confidence * 100;
        return p == Math.rint(p) ? String.valueOf((long) p) : String.valueOf(p);
    }
}

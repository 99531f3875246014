package dev.damsel.reports.table;

import dev.damsel.reports.RunResult;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Renders a {@link RunResult} as plain text for a terminal: a title line, the accuracy matrix (Lopez-Paz &amp; Ranzato
 * 2017; Chaudhry et al. 2018) as percentages with one decimal under a header of task ids, one row {@code before} (b),
 * one row {@code after <taskId>} per trained task (R), and a row {@code joint (a*)} when the matrix has a reference;
 * then a blank line and each metric as {@code id = value} with four decimals, {@code n/a} where undefined, the ids
 * padded to the longest so the values line up.
 * <pre>
 * suite random, memory dense-bipolar, strategy naive, seed 42
 * accuracy %      random-1  random-2
 * before               0.0      12.5
 * after random-1     100.0      25.0
 * after random-2      50.0     100.0
 *
 * acc                = 0.7500
 * bwt.gem            = -0.5000
 * fwt.gem            = 0.1250
 * forgetting.maxPrev = 0.5000
 * intransigence      = n/a
 * </pre>
 * Columns are right-aligned and separated by at least two spaces; lines end in {@code \n} and carry no trailing
 * spaces. {@code src/test/resources/golden/table.txt} seals the format.
 */
public final class MatrixTable {
    private static final String GAP = "  ";
    private static final String NOT_AVAILABLE = "n/a";

    private MatrixTable() {
    }

    public static String render(RunResult result) {
        int t = result.tasks();
        List<String> labels = new ArrayList<>();
        List<double[]> rows = new ArrayList<>();
        labels.add("before");
        rows.add(result.matrix().b());
        double[][] r = result.matrix().r();
        for (int i = 0; i < t; i++) {
            labels.add("after " + result.taskIds().get(i));
            rows.add(r[i]);
        }
        result.matrix().aStar().ifPresent(aStar -> {
            labels.add("joint (a*)");
            rows.add(aStar);
        });

        String corner = "accuracy %";
        int labelWidth = corner.length();
        for (String label : labels) {
            labelWidth = Math.max(labelWidth, label.length());
        }
        int[] widths = new int[t];
        for (int j = 0; j < t; j++) {
            widths[j] = Math.max(result.taskIds().get(j).length(), "100.0".length());
        }

        StringBuilder out = new StringBuilder();
        out.append("suite ").append(result.suite()).append(", memory ").append(result.memory())
                .append(", strategy ").append(result.strategy()).append(", seed ").append(result.seed()).append('\n');
        out.append(pad(corner, labelWidth));
        for (int j = 0; j < t; j++) {
            out.append(GAP).append(padLeft(result.taskIds().get(j), widths[j]));
        }
        out.append('\n');
        for (int k = 0; k < rows.size(); k++) {
            out.append(pad(labels.get(k), labelWidth));
            for (int j = 0; j < t; j++) {
                out.append(GAP).append(padLeft(percent(rows.get(k)[j]), widths[j]));
            }
            out.append('\n');
        }

        if (!result.metrics().isEmpty()) {
            out.append('\n');
            int idWidth = result.metrics().keySet().stream().mapToInt(String::length).max().orElse(0);
            for (Map.Entry<String, Double> metric : result.metrics().entrySet()) {
                out.append(pad(metric.getKey(), idWidth)).append(" = ").append(value(metric.getValue())).append('\n');
            }
        }
        return out.toString();
    }

    private static String percent(double value) {
        return Double.isFinite(value) ? String.format(Locale.ROOT, "%.1f", 100 * value) : NOT_AVAILABLE;
    }

    private static String value(Double value) {
        return value != null && Double.isFinite(value) ? String.format(Locale.ROOT, "%.4f", value) : NOT_AVAILABLE;
    }

    private static String pad(String text, int width) {
        return text + " ".repeat(width - text.length());
    }

    private static String padLeft(String text, int width) {
        return " ".repeat(width - text.length()) + text;
    }
}

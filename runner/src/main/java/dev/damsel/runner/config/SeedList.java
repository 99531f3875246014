package dev.damsel.runner.config;

import dev.damsel.runner.UsageException;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * Parses a list of seeds: comma-separated integers and inclusive ranges, e.g. {@code 1..5}, {@code 1,2,7},
 * {@code 1..3,10}. Seeds are distinct and keep the order given; at most {@link #MAX} of them.
 */
public final class SeedList {
    /** The most seeds one run accepts. */
    public static final int MAX = 10_000;

    private SeedList() {
    }

    public static List<Long> parse(String field, String text) {
        String usage = field + " must be a list of integer seeds like 1..5 or 1,2,7 (got '" + text + "')";
        if (text == null || text.isBlank()) {
            throw new UsageException(usage);
        }
        LinkedHashSet<Long> seeds = new LinkedHashSet<>();
        for (String part : text.split(",", -1)) {
            String p = part.strip();
            try {
                int dots = p.indexOf("..");
                if (dots >= 0) {
                    long from = Long.parseLong(p.substring(0, dots).strip());
                    long to = Long.parseLong(p.substring(dots + 2).strip());
                    if (to < from) {
                        throw new UsageException(field + " range " + p + " must not run backwards (got '" + text + "')");
                    }
                    if (to - from >= MAX) {
                        throw new UsageException(field + " must list at most " + MAX + " seeds (got '" + text + "')");
                    }
                    for (long s = from; s <= to; s++) {
                        add(field, text, seeds, s);
                    }
                } else {
                    add(field, text, seeds, Long.parseLong(p));
                }
            } catch (NumberFormatException e) {
                throw new UsageException(usage);
            }
        }
        return List.copyOf(new ArrayList<>(seeds));
    }

    private static void add(String field, String text, LinkedHashSet<Long> seeds, long seed) {
        if (!seeds.add(seed)) {
            throw new UsageException(field + " lists seed " + seed + " twice (got '" + text + "')");
        }
        if (seeds.size() > MAX) {
            throw new UsageException(field + " must list at most " + MAX + " seeds (got '" + text + "')");
        }
    }
}

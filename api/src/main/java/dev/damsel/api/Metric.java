package dev.damsel.api;

/**
 * A sequential-learning metric: a pure function of an {@link AccuracyMatrix}. The id says which definition it is
 * ({@code "acc"}, {@code "bwt.gem"}, {@code "forgetting.maxPrev"}…).
 */
public interface Metric {

    String id();

    /** One line: the formula, in plain text. */
    String formula();

    /** The value, or {@link Double#NaN} where the matrix does not define it (BWT of a single task). */
    double compute(AccuracyMatrix matrix);
}

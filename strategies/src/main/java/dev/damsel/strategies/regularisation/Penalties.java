package dev.damsel.strategies.regularisation;

import dev.damsel.api.GradientStep;

import java.util.ArrayList;
import java.util.List;

/** A sum of {@link QuadraticPenalty} terms, e.g. one per earlier task for EWC. Empty until a term is added. */
public final class Penalties {
    private final List<QuadraticPenalty> terms = new ArrayList<>();

    public void add(QuadraticPenalty term) {
        terms.add(term);
    }

    /** Replaces every term by this one (online EWC, SI, MAS and L2 keep a single anchor). */
    public void replaceWith(QuadraticPenalty term) {
        terms.clear();
        terms.add(term);
    }

    public boolean isEmpty() {
        return terms.isEmpty();
    }

    public List<QuadraticPenalty> terms() {
        return List.copyOf(terms);
    }

    public double value(float[] theta) {
        double sum = 0;
        for (QuadraticPenalty term : terms) {
            sum += term.value(theta);
        }
        return sum;
    }

    /** Adds the gradient of every term, at the step's parameters, to the step's gradient (nothing while empty). */
    public void adjust(GradientStep step) {
        if (!terms.isEmpty()) {
            addGradient(step.memory().parameters(), step.gradient());
        }
    }

    /** Adds the gradient of every term at θ to {@code gradient}. */
    public void addGradient(float[] theta, float[] gradient) {
        for (QuadraticPenalty term : terms) {
            term.addGradient(theta, gradient);
        }
    }
}

package dev.damsel.strategies.regularisation;

/**
 * The path integral of Synaptic Intelligence (Zenke, Poole &amp; Ganguli 2017, Eqs. 3 and 5). During a task, each
 * optimiser step adds {@code ω_j += −g_j Δθ_j}, g the unpenalised loss gradient of the step and Δθ the step's change;
 * at the task's end {@link #finish} turns ω into the task's importance {@code ω_j / ((θ_j^end − θ_j^start)² + ε)}.
 */
public final class PathIntegral {
    private double[] omega;
    private float[] start;

    /** Starts a task at θ = {@code theta}. */
    public void begin(float[] theta) {
        start = theta.clone();
        omega = new double[theta.length];
    }

    /** One step: {@code gradient} is g, {@code before} and {@code after} θ around the optimiser's move. */
    public void record(float[] gradient, float[] before, float[] after) {
        for (int j = 0; j < omega.length; j++) {
            omega[j] -= (double) gradient[j] * ((double) after[j] - before[j]);
        }
    }

    /** ω so far (a copy). */
    public double[] omega() {
        return omega.clone();
    }

    /** The task's importance {@code ω_j / (Δθ_j² + ε)}, Δθ = {@code theta} − θ at {@link #begin}. */
    public double[] finish(float[] theta, double epsilon) {
        double[] importance = new double[omega.length];
        for (int j = 0; j < omega.length; j++) {
            double delta = (double) theta[j] - start[j];
            importance[j] = omega[j] / (delta * delta + epsilon);
        }
        return importance;
    }
}

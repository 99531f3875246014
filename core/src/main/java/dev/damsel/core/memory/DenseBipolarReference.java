package dev.damsel.core.memory;

import dev.damsel.api.InteractionFunction;
import dev.damsel.api.StateBatch;
import dev.damsel.api.UnitMask;
import dev.damsel.core.interaction.IntegerPowers;

import java.util.Arrays;

/**
 * The straightforward implementation of {@link DenseBipolarMemory}'s energy, drives, synchronous step and loss
 * gradient, written as the equations of its javadoc read, one state and one memory at a time, in double. It is the
 * reference the vectorised {@link DenseBipolarKernels} are tested against; nothing on a hot path uses it.
 */
final class DenseBipolarReference {
    private final int memories;
    private final int dimension;
    private final float[] xi;
    private final InteractionFunction interaction;
    private final double scale;
    private final int errorPower;
    private final LossContext lossContext;

    DenseBipolarReference(DenseBipolarMemory memory) {
        this.memories = memory.memories();
        this.dimension = memory.dimension();
        this.xi = memory.parameters();
        this.interaction = memory.interaction();
        this.scale = 1.0 / (memory.temperature() * dimension);
        this.errorPower = memory.errorPower();
        this.lossContext = memory.lossContext();
    }

    double[] energy(StateBatch states) {
        float[] x = states.values();
        double[] out = new double[states.size()];
        for (int b = 0; b < states.size(); b++) {
            double sum = 0;
            for (int mu = 0; mu < memories; mu++) {
                sum += interaction.value(scale * overlap(mu, x, b * dimension));
            }
            out[b] = -sum;
        }
        return out;
    }

    double[] unitDrives(StateBatch states, UnitMask mask) {
        int[] units = mask.units();
        float[] x = states.values();
        double[] m = new double[memories];
        double[] out = new double[states.size() * units.length];
        for (int b = 0; b < states.size(); b++) {
            overlaps(x, b * dimension, m, 0);
            drives(x, b * dimension, m, 0, units, out, b * units.length);
        }
        return out;
    }

    /** Synchronous relaxation, probe by probe, until nothing changes or {@code maxIterations} sweeps. */
    StateBatch relaxSynchronous(StateBatch probes, UnitMask mask, int maxIterations) {
        int[] units = mask.units();
        float[] x = probes.copyValues();
        double[] m = new double[memories];
        double[] d = new double[units.length];
        for (int b = 0; b < probes.size(); b++) {
            int off = b * dimension;
            for (int sweep = 0; sweep < maxIterations; sweep++) {
                overlaps(x, off, m, 0);
                drives(x, off, m, 0, units, d, 0);
                boolean changed = false;
                for (int k = 0; k < units.length; k++) {
                    float next = d[k] > 0 ? 1f : -1f;
                    if (x[off + units[k]] != next) {
                        x[off + units[k]] = next;
                        changed = true;
                    }
                }
                if (!changed) {
                    break;
                }
            }
        }
        return new StateBatch(probes.size(), dimension, x);
    }

    /** The loss; fills {@code outputs} with Y when not null and overwrites {@code gradient} when not null. */
    double lossKernel(StateBatch items, UnitMask mask, double[] outputs, float[] gradient) {
        int[] units = mask.units();
        int size = items.size();
        int masked = units.length;
        float[] x = items.values();
        float[] context = x.clone();
        if (lossContext == LossContext.MASKED_OFF) {
            for (int b = 0; b < size; b++) {
                for (int unit : units) {
                    context[b * dimension + unit] = -1f;
                }
            }
        }
        double[] m = new double[size * memories];
        double[] d = new double[masked];
        double[] delta = new double[size * masked];
        int twoM = 2 * errorPower;
        double loss = 0;
        for (int b = 0; b < size; b++) {
            int off = b * dimension;
            overlaps(context, off, m, b * memories);
            drives(context, off, m, b * memories, units, d, 0);
            for (int k = 0; k < masked; k++) {
                double y = Math.tanh(d[k]);
                double error = y - x[off + units[k]];
                double odd = IntegerPowers.pow(error, twoM - 1);
                loss += odd * error;
                if (outputs != null) {
                    outputs[b * masked + k] = y;
                }
                delta[b * masked + k] = twoM * odd * (1.0 - y * y);
            }
        }
        if (gradient != null) {
            gradient(context, size, units, m, delta, gradient);
        }
        return loss;
    }

    private void gradient(float[] x, int size, int[] units, double[] m, double[] delta, float[] gradient) {
        int masked = units.length;
        double[] row = new double[dimension];
        for (int mu = 0; mu < memories; mu++) {
            int rowOff = mu * dimension;
            Arrays.fill(row, 0.0);
            for (int b = 0; b < size; b++) {
                int off = b * dimension;
                double overlap = m[b * memories + mu];
                double sumD = 0;
                for (int k = 0; k < masked; k++) {
                    double dl = delta[b * masked + k];
                    if (dl == 0) {
                        continue;
                    }
                    int i = units[k];
                    double w = xi[rowOff + i];
                    double xv = x[off + i];
                    double c = overlap - w * xv;
                    double fPlus = interaction.derivative(scale * (c + w));
                    double fMinus = interaction.derivative(scale * (c - w));
                    double dd = dl * (fPlus - fMinus);
                    sumD += dd;
                    row[i] += dl * (fPlus + fMinus) - xv * dd;
                }
                if (sumD != 0) {
                    for (int j = 0; j < dimension; j++) {
                        row[j] += x[off + j] * sumD;
                    }
                }
            }
            for (int j = 0; j < dimension; j++) {
                gradient[rowOff + j] = (float) (scale * row[j]);
            }
        }
    }

    private double overlap(int mu, float[] x, int off) {
        double sum = 0;
        for (int j = 0; j < dimension; j++) {
            sum += (double) xi[mu * dimension + j] * x[off + j];
        }
        return sum;
    }

    private void overlaps(float[] x, int off, double[] m, int mOff) {
        for (int mu = 0; mu < memories; mu++) {
            m[mOff + mu] = overlap(mu, x, off);
        }
    }

    private void drives(float[] x, int off, double[] m, int mOff, int[] units, double[] out, int outOff) {
        Arrays.fill(out, outOff, outOff + units.length, 0.0);
        for (int mu = 0; mu < memories; mu++) {
            double overlap = m[mOff + mu];
            for (int k = 0; k < units.length; k++) {
                int i = units[k];
                double w = xi[mu * dimension + i];
                double c = overlap - w * x[off + i];
                out[outOff + k] += interaction.value(scale * (c + w)) - interaction.value(scale * (c - w));
            }
        }
    }
}

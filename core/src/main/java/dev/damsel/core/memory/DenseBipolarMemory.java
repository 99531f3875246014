package dev.damsel.core.memory;

import dev.damsel.api.InteractionFunction;
import dev.damsel.api.ParameterLayout;
import dev.damsel.api.RelaxOptions;
import dev.damsel.api.Require;
import dev.damsel.api.StateBatch;
import dev.damsel.api.TrainableMemory;
import dev.damsel.api.UnitMask;
import dev.damsel.api.UpdateMode;
import dev.damsel.core.interaction.IntegerPowers;

import java.util.Objects;
import java.util.SplittableRandom;

/**
 * The dense associative memory of Krotov &amp; Hopfield 2016 ("Dense Associative Memory for Pattern Recognition") over
 * bipolar states, with overlaps normalised as in McAlister et al. 2024.
 *
 * <p>The memory holds K vectors ξ^μ ∈ [−1, 1]^N, row-major in one {@code float[K·N]} (block μ of {@link #layout()} is
 * ξ^μ). With β = 1/T and the normalised overlap {@code a_μ(x) = (β/N) ξ^μ·x}:
 * <ul>
 *   <li>energy (K&amp;H 2016, section 2): {@code E(x) = −Σ_μ F(a_μ(x))};</li>
 *   <li>drive of unit i (the argument of the sign in K&amp;H 2016's update rule, section 2):
 *       {@code d_i = Σ_μ F(a_μ(x⁺ᵢ)) − F(a_μ(x⁻ᵢ)) = E(x⁻ᵢ) − E(x⁺ᵢ)}, where
 *       x⁺ᵢ, x⁻ᵢ are x with unit i set to ±1. With {@code m_μ = ξ^μ·x} computed once,
 *       {@code ξ^μ·x^±ᵢ = m_μ − ξ^μ_i x_i ± ξ^μ_i}, so all drives of a state cost O(N·K);</li>
 *   <li>a step sets a unit to {@code sign(d_i)} with {@code sign(0) = −1}: all masked units at once from the same old
 *       state ({@link UpdateMode#SYNCHRONOUS}), or one at a time in a random order per sweep, each seeing the ones
 *       before it ({@link UpdateMode#ASYNCHRONOUS}, K&amp;H 2016 Eq. 4), keeping m up to date incrementally;</li>
 *   <li>loss (K&amp;H 2016, section 3 and appendix A): for each item x and masked unit i, with the other units held
 *       at the item's own values, {@code Y_i = tanh(d_i)} and {@code L = Σ_items Σ_{i∈mask} (Y_i − x_i)^(2m)}, m the error
 *       power. Its gradient is exact: with {@code δ_i = 2m (Y_i − x_i)^(2m−1) (1 − Y_i²)},
 *       {@code a^±_μi = (β/N)(m_μ − ξ^μ_i x_i ± ξ^μ_i)}, {@code D_μi = δ_i (F'(a⁺_μi) − F'(a⁻_μi))} and
 *       {@code S_μi = δ_i (F'(a⁺_μi) + F'(a⁻_μi))}:
 *       {@code ∂L/∂ξ^μ_j = (β/N) [x_j (Σ_{i∈mask} D_μi − [j∈mask] D_μj) + [j∈mask] S_μj]}, O(N·K) per item.</li>
 * </ul>
 * Sums, powers, energies and drives are computed in double; parameters and states are float.
 *
 * <p>Energies, drives, the synchronous step and the loss run on {@link DenseBipolarKernels} (the {@code Vectors}
 * kernels, split over fixed blocks of probes or items, so results do not depend on the thread count); when ξ is
 * exactly ±1 the step is two matrix products. {@link DenseBipolarReference} holds the straightforward code the
 * kernels are tested against. The asynchronous step stays here, one unit at a time.
 *
 * <p>Reading methods ({@link #energy}, {@link #unitDrives}, {@link #relax}, {@link #loss}, {@link #lossGradient},
 * {@link #outputs}) allocate their own scratch and may run concurrently with each other; the mutators
 * ({@link #setParameters}, {@link #setTemperature}, {@link #store}) must not run concurrently with anything.
 */
public final class DenseBipolarMemory implements TrainableMemory {
    private final int memories;
    private final int dimension;
    private final ParameterLayout layout;
    private final float[] xi;
    private final InteractionFunction interaction;
    private final int errorPower;
    private final LossContext lossContext;
    private double temperature;
    /** The kernels over the current ξ; dropped by every mutator of ξ and rebuilt on first use. */
    private volatile DenseBipolarKernels kernels;
    /** The kernels dropped by the last mutation, whose arrays the next kernels reuse. */
    private DenseBipolarKernels retired;

    /**
     * @param memories    K
     * @param dimension   N
     * @param parameters  the K·N values of ξ, row-major; copied
     * @param interaction F
     * @param temperature T &gt; 0
     * @param errorPower  m ≥ 1 in the loss {@code (Y − x)^(2m)}
     */
    public DenseBipolarMemory(int memories, int dimension, float[] parameters, InteractionFunction interaction,
                              double temperature, int errorPower) {
        this(memories, dimension, parameters, interaction, temperature, errorPower, LossContext.ITEM);
    }

    /**
     * @param lossContext what the other masked units hold while the loss computes a masked unit's output
     */
    public DenseBipolarMemory(int memories, int dimension, float[] parameters, InteractionFunction interaction,
                              double temperature, int errorPower, LossContext lossContext) {
        this.layout = new ParameterLayout(memories, dimension);
        this.memories = memories;
        this.dimension = dimension;
        if (parameters.length != layout.size()) {
            throw new IllegalArgumentException("a memory of " + memories + " x " + dimension + " needs "
                    + layout.size() + " parameters, got " + parameters.length);
        }
        this.xi = parameters.clone();
        this.interaction = Objects.requireNonNull(interaction, "interaction");
        Require.positive("temperature", temperature);
        Require.atLeast("errorPower", errorPower, 1);
        this.temperature = temperature;
        this.errorPower = errorPower;
        this.lossContext = Objects.requireNonNull(lossContext, "lossContext");
    }

    /** A memory whose K = {@code patterns.size()} memories are exactly the given patterns, with error power 1. */
    public static DenseBipolarMemory storing(StateBatch patterns, InteractionFunction interaction, double temperature) {
        return storing(patterns, interaction, temperature, 1);
    }

    /** A memory whose K = {@code patterns.size()} memories are exactly the given patterns. */
    public static DenseBipolarMemory storing(StateBatch patterns, InteractionFunction interaction, double temperature,
                                             int errorPower) {
        if (patterns.isEmpty()) {
            throw new IllegalArgumentException("a memory needs at least one pattern to store");
        }
        return new DenseBipolarMemory(patterns.size(), patterns.dimension(), patterns.values(), interaction,
                temperature, errorPower);
    }

    /**
     * Sets the memories to the given patterns. K is fixed for the life of a memory (its layout is part of its
     * contract with optimisers and strategies), so {@code patterns.size()} must equal K; use {@link #storing} to make a
     * memory of a different size.
     */
    public void store(StateBatch patterns) {
        if (patterns.size() != memories || patterns.dimension() != dimension) {
            throw new IllegalArgumentException("this memory stores " + memories + " x " + dimension
                    + " patterns, got " + patterns.size() + " x " + patterns.dimension());
        }
        System.arraycopy(patterns.values(), 0, xi, 0, xi.length);
        retire();
    }

    /** K, the number of memory vectors. */
    public int memories() {
        return memories;
    }

    public InteractionFunction interaction() {
        return interaction;
    }

    /** m, the error power of the loss. */
    public int errorPower() {
        return errorPower;
    }

    public LossContext lossContext() {
        return lossContext;
    }

    @Override
    public int dimension() {
        return dimension;
    }

    @Override
    public ParameterLayout layout() {
        return layout;
    }

    @Override
    public float[] parameters() {
        return xi.clone();
    }

    @Override
    public void setParameters(float[] parameters) {
        if (parameters.length != xi.length) {
            throw new IllegalArgumentException("expected " + xi.length + " parameters, got " + parameters.length);
        }
        System.arraycopy(parameters, 0, xi, 0, xi.length);
        retire();
    }

    @Override
    public double temperature() {
        return temperature;
    }

    @Override
    public void setTemperature(double temperature) {
        Require.positive("temperature", temperature);
        this.temperature = temperature;
    }

    @Override
    public TrainableMemory copy() {
        return new DenseBipolarMemory(memories, dimension, xi, interaction, temperature, errorPower, lossContext);
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Energy, drives, relaxation

    @Override
    public double[] energy(StateBatch states) {
        checkStates(states);
        return kernels().energy(states.values(), states.size(), scale());
    }

    @Override
    public double[] unitDrives(StateBatch states, UnitMask mask) {
        checkStates(states);
        checkMask(mask);
        return kernels().drives(states.values(), states.size(), mask.units(), scale());
    }

    @Override
    public StateBatch relax(StateBatch probes, UnitMask mask, RelaxOptions options) {
        checkStates(probes);
        checkMask(mask);
        int[] units = mask.units();
        float[] x = probes.copyValues();
        if (options.mode() == UpdateMode.SYNCHRONOUS) {
            kernels().relaxSynchronous(x, probes.size(), units, options.maxIterations(), scale());
        } else {
            double[] m = new double[memories];
            int[] order = new int[units.length];
            for (int b = 0; b < probes.size(); b++) {
                System.arraycopy(units, 0, order, 0, units.length);
                SplittableRandom random = new SplittableRandom(options.seed() ^ mix(b));
                relaxAsynchronous(x, b * dimension, order, m, random, options.maxIterations());
            }
        }
        return new StateBatch(probes.size(), dimension, x);
    }

    /** K&amp;H 2016 Eq. 4, one unit at a time; {@code order} starts as the mask's units and is reshuffled per sweep. */
    private void relaxAsynchronous(float[] x, int off, int[] order, double[] m, SplittableRandom random,
                                   int maxIterations) {
        overlaps(x, off, m, 0);
        double s = scale();
        for (int sweep = 0; sweep < maxIterations; sweep++) {
            shuffle(order, random);
            boolean changed = false;
            for (int i : order) {
                float old = x[off + i];
                double drive = 0;
                for (int mu = 0; mu < memories; mu++) {
                    double w = xi[mu * dimension + i];
                    double c = m[mu] - w * old;
                    drive += interaction.value(s * (c + w)) - interaction.value(s * (c - w));
                }
                float next = drive > 0 ? 1f : -1f;
                if (next != old) {
                    x[off + i] = next;
                    double change = (double) next - old;
                    for (int mu = 0; mu < memories; mu++) {
                        m[mu] += xi[mu * dimension + i] * change;
                    }
                    changed = true;
                }
            }
            if (!changed) {
                return;
            }
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Loss and gradient

    @Override
    public double loss(StateBatch items, UnitMask mask) {
        return lossKernel(items, mask, null, null);
    }

    @Override
    public double lossGradient(StateBatch items, UnitMask mask, float[] gradient) {
        if (gradient.length != xi.length) {
            throw new IllegalArgumentException("the gradient needs " + xi.length + " values, got " + gradient.length);
        }
        return lossKernel(items, mask, null, gradient);
    }

    @Override
    public double[] outputs(StateBatch items, UnitMask mask) {
        double[] out = new double[items.size() * mask.size()];
        lossKernel(items, mask, out, null);
        return out;
    }

    /** The loss; fills {@code outputs} with Y when not null, and overwrites {@code gradient} with ∂L/∂ξ when not null. */
    private double lossKernel(StateBatch items, UnitMask mask, double[] outputs, float[] gradient) {
        checkStates(items);
        checkMask(mask);
        return kernels().loss(items.values(), items.size(), mask.units(), lossContext, errorPower, scale(), outputs,
                gradient);
    }

    /** Drops the kernels after ξ changed; mutators run alone, so nothing still uses them. */
    private void retire() {
        if (kernels != null) {
            retired = kernels;
        }
        kernels = null;
    }

    /** The kernels over the current ξ, built on first use after a change (once, even with concurrent readers). */
    private DenseBipolarKernels kernels() {
        DenseBipolarKernels current = kernels;
        if (current == null) {
            synchronized (this) {
                current = kernels;
                if (current == null) {
                    current = new DenseBipolarKernels(memories, dimension, xi, interaction, retired);
                    retired = null;
                    kernels = current;
                }
            }
        }
        return current;
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Kernels

    /** β/N. */
    private double scale() {
        return 1.0 / (temperature * dimension);
    }

    /** ξ^μ·x for the state at {@code off}, in double. */
    private double overlap(int mu, float[] x, int off) {
        int row = mu * dimension;
        double s0 = 0;
        double s1 = 0;
        int j = 0;
        for (; j + 1 < dimension; j += 2) {
            s0 += (double) xi[row + j] * x[off + j];
            s1 += (double) xi[row + j + 1] * x[off + j + 1];
        }
        if (j < dimension) {
            s0 += (double) xi[row + j] * x[off + j];
        }
        return s0 + s1;
    }

    private void overlaps(float[] x, int off, double[] m, int mOff) {
        for (int mu = 0; mu < memories; mu++) {
            m[mOff + mu] = overlap(mu, x, off);
        }
    }

    /** The drives of the given units of the state at {@code off}, from its overlaps {@code m[mOff..mOff+K)}. */
    private void drives(float[] x, int off, double[] m, int mOff, int[] units, double[] out, int outOff) {
        double s = scale();
        java.util.Arrays.fill(out, outOff, outOff + units.length, 0.0);
        for (int mu = 0; mu < memories; mu++) {
            int row = mu * dimension;
            double overlap = m[mOff + mu];
            for (int k = 0; k < units.length; k++) {
                int i = units[k];
                double w = xi[row + i];
                double c = overlap - w * x[off + i];
                out[outOff + k] += interaction.value(s * (c + w)) - interaction.value(s * (c - w));
            }
        }
    }

    private static void shuffle(int[] order, SplittableRandom random) {
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
    }

    /** The SplitMix64 finaliser of the probe index: decorrelates the unit orders of neighbouring probes. */
    static long mix(long index) {
        long z = (index + 1) * 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    private void checkStates(StateBatch states) {
        if (states.dimension() != dimension) {
            throw new IllegalArgumentException("states of dimension " + states.dimension() + " given to a memory of "
                    + "dimension " + dimension);
        }
    }

    private void checkMask(UnitMask mask) {
        if (mask.dimension() != dimension) {
            throw new IllegalArgumentException("a mask of dimension " + mask.dimension() + " given to a memory of "
                    + "dimension " + dimension);
        }
    }

    @Override
    public String toString() {
        return "DenseBipolarMemory[K=" + memories + ", N=" + dimension + ", F=" + interaction + ", T=" + temperature
                + "]";
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Output-norm gradient (Memory Aware Synapses). Written against the public accessors only, so that it stays correct
    // whatever the kernels above become.

    /**
     * {@code Σ_items Σ_{i∈mask} Y_i²} and its exact gradient: with the loss's notation (class javadoc) and
     * {@code δ_i = 2 Y_i (1 − Y_i²)} in place of the loss's error signal,
     * {@code ∂/∂ξ^μ_j = (β/N) [x_j (Σ_{i∈mask} D_μi − [j∈mask] D_μj) + [j∈mask] S_μj]}, x the loss's context states.
     */
    @Override
    public double outputNormGradient(StateBatch items, UnitMask mask, float[] gradient) {
        if (gradient.length != layout().size()) {
            throw new IllegalArgumentException("the gradient needs " + layout().size() + " values, got "
                    + gradient.length);
        }
        if (items.dimension() != dimension() || mask.dimension() != dimension()) {
            throw new IllegalArgumentException("items and mask must have dimension " + dimension());
        }
        int n = dimension();
        int k = memories();
        float[] w = parameters();
        InteractionFunction f = interaction();
        double s = 1.0 / (temperature() * n);
        int[] units = mask.units();
        double[] grad = new double[w.length];
        double norm = 0;
        float[] x = new float[n];
        double[] m = new double[k];
        double[] y = new double[units.length];
        for (int b = 0; b < items.size(); b++) {
            for (int j = 0; j < n; j++) {
                x[j] = items.get(b, j);
            }
            if (lossContext() == LossContext.MASKED_OFF) {
                for (int unit : units) {
                    x[unit] = -1f;
                }
            }
            for (int mu = 0; mu < k; mu++) {
                double sum = 0;
                for (int j = 0; j < n; j++) {
                    sum += (double) w[mu * n + j] * x[j];
                }
                m[mu] = sum;
            }
            for (int q = 0; q < units.length; q++) {
                int i = units[q];
                double drive = 0;
                for (int mu = 0; mu < k; mu++) {
                    double wi = w[mu * n + i];
                    double c = m[mu] - wi * x[i];
                    drive += f.value(s * (c + wi)) - f.value(s * (c - wi));
                }
                y[q] = Math.tanh(drive);
                norm += y[q] * y[q];
            }
            for (int mu = 0; mu < k; mu++) {
                int row = mu * n;
                double sumD = 0;
                for (int q = 0; q < units.length; q++) {
                    int i = units[q];
                    double delta = 2 * y[q] * (1 - y[q] * y[q]);
                    double wi = w[row + i];
                    double c = m[mu] - wi * x[i];
                    double plus = f.derivative(s * (c + wi));
                    double minus = f.derivative(s * (c - wi));
                    double dd = delta * (plus - minus);
                    sumD += dd;
                    grad[row + i] += s * (delta * (plus + minus) - x[i] * dd);
                }
                for (int j = 0; j < n; j++) {
                    grad[row + j] += s * x[j] * sumD;
                }
            }
        }
        for (int p = 0; p < w.length; p++) {
            gradient[p] = (float) grad[p];
        }
        return norm;
    }
}

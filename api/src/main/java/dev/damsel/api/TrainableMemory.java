package dev.damsel.api;

/**
 * An associative memory trained by gradient descent on a loss: everything a trainer and a strategy need.
 *
 * <p>The parameters are one flat float32 vector θ laid out as {@link #layout()} says. EWC's Fisher, GEM's reference
 * gradients and the trainer's own steps all come from the same {@link #lossGradient} call.
 */
public interface TrainableMemory extends AssociativeMemory {

    ParameterLayout layout();

    /** A copy of θ. */
    float[] parameters();

    /** Replaces θ with a copy of the given vector. */
    void setParameters(float[] parameters);

    /** The temperature T = 1/β at which energies, drives and the loss are computed. */
    double temperature();

    void setTemperature(double temperature);

    /** The loss summed over the items, scoring the masked units. */
    double loss(StateBatch items, UnitMask mask);

    /**
     * The loss summed over the items and its gradient ∂L/∂θ, written into {@code gradient} (length
     * {@link #parameterCount()}, overwritten, not added to).
     *
     * @return the loss
     */
    double lossGradient(StateBatch items, UnitMask mask, float[] gradient);

    /**
     * The outputs the loss compares with the items' masked units (for the DAM: {@code Y_i = tanh(drive_i)}), row-major,
     * {@code items.size()} rows of {@code mask.size()} values.
     */
    double[] outputs(StateBatch items, UnitMask mask);

    /**
     * The squared norm of the outputs, {@code Σ_items Σ_{i∈mask} Y_i²} with Y as {@link #outputs} gives it, and its
     * gradient ∂/∂θ written into {@code gradient} (length {@link #parameterCount()}, overwritten). Memory Aware Synapses
     * (Aljundi et al. 2018, Eq. 4) measure a parameter's importance by the size of this gradient, item by item.
     *
     * @return the squared norm of the outputs
     */
    double outputNormGradient(StateBatch items, UnitMask mask, float[] gradient);

    /** An independent copy with the same parameters and temperature (for snapshots of an earlier memory). */
    TrainableMemory copy();

    @Override
    default long parameterCount() {
        return layout().size();
    }
}

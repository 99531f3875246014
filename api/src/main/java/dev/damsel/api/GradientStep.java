package dev.damsel.api;

/**
 * One optimiser step as a strategy sees it. {@link #gradient()} is the live ∂L/∂θ of the batch, before the
 * optimiser's momentum and per-memory normalisation: a strategy may add a penalty gradient to it or project it in
 * place.
 *
 * @param context  the task being trained
 * @param epoch    epoch index within the task, from 0
 * @param step     step index within the task, from 0
 * @param batch    the items of this step (after {@link Strategy#batch})
 * @param mask     the units the loss scores
 * @param loss     the batch loss before any penalty
 * @param gradient ∂L/∂θ, mutable
 */
public record GradientStep(TaskContext context, int epoch, int step, StateBatch batch, UnitMask mask, double loss,
                           float[] gradient) {

    public TrainableMemory memory() {
        return context.memory();
    }
}

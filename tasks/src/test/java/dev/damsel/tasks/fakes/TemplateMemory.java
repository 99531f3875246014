package dev.damsel.tasks.fakes;

import dev.damsel.api.AssociativeMemory;
import dev.damsel.api.RelaxOptions;
import dev.damsel.api.StateBatch;
import dev.damsel.api.UnitMask;

/**
 * A classifier stand-in: the drive of label unit c is the overlap of the state's pixels (the units before the label
 * units) with template c. Records the last mask and whether every label unit of the last states was −1.
 */
public final class TemplateMemory implements AssociativeMemory {
    private final float[][] templates;
    private final int pixels;
    private UnitMask lastMask;
    private boolean labelsWereOff = true;
    private int calls;

    public TemplateMemory(float[]... templates) {
        this.templates = templates;
        this.pixels = templates[0].length;
    }

    public UnitMask lastMask() {
        return lastMask;
    }

    public boolean labelsWereOff() {
        return labelsWereOff;
    }

    public int calls() {
        return calls;
    }

    @Override
    public int dimension() {
        return pixels + templates.length;
    }

    @Override
    public long parameterCount() {
        return (long) pixels * templates.length;
    }

    @Override
    public double[] energy(StateBatch states) {
        return new double[states.size()];
    }

    @Override
    public double[] unitDrives(StateBatch states, UnitMask mask) {
        calls++;
        lastMask = mask;
        double[] out = new double[states.size() * mask.size()];
        for (int s = 0; s < states.size(); s++) {
            for (int c = 0; c < templates.length; c++) {
                labelsWereOff &= states.get(s, pixels + c) == -1f;
            }
            for (int k = 0; k < mask.size(); k++) {
                int c = mask.unit(k) - pixels;
                double dot = 0;
                for (int i = 0; i < pixels; i++) {
                    dot += states.get(s, i) * templates[c][i];
                }
                out[s * mask.size() + k] = dot;
            }
        }
        return out;
    }

    @Override
    public StateBatch relax(StateBatch probes, UnitMask mask, RelaxOptions options) {
        throw new UnsupportedOperationException("a classifier is scored by drives, not relaxation");
    }
}

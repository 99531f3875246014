package dev.damsel.core.memory;

import dev.damsel.api.ConfigException;

import java.util.Arrays;

/**
 * What the other masked units hold while the loss computes the output of masked unit i.
 *
 * <ul>
 *   <li>{@link #ITEM} ({@code item}): the item's own values, the autoassociative reading of Krotov &amp; Hopfield
 *       2016 appendix A — every unit is trained to be a fixed point given all the others.</li>
 *   <li>{@link #MASKED_OFF} ({@code masked-off}): −1, as Krotov &amp; Hopfield 2016 do for their MNIST classifier,
 *       where each label unit's output is computed with all other label units switched off. Training then sees the
 *       same label context as prediction, which clamps the pixels, sets every label unit to −1 and reads the label
 *       units' drives.</li>
 * </ul>
 */
public enum LossContext {
    ITEM("item"),
    MASKED_OFF("masked-off");

    private final String id;

    LossContext(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    /** The context with the given config id. */
    public static LossContext of(String field, String id) {
        return Arrays.stream(values()).filter(c -> c.id.equals(id)).findFirst()
                .orElseThrow(() -> new ConfigException(field, "must be one of item, masked-off (got '" + id + "')"));
    }
}

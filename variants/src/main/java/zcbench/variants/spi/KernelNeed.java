package zcbench.variants.spi;

import java.util.function.Predicate;

import zcbench.variants.SendConfig;
import zcbench.vocabulary.Knob;

/**
 * A kernel feature a variant needs, and when: always, or for some of its knob values. Declared by the
 * provider as data; {@code Requirements} asks the machine before a row runs.
 *
 * @param feature what the kernel must offer
 * @param when    the rows that need it
 */
public record KernelNeed(KernelFeature feature, Predicate<SendConfig> when) {
    /** Every row of the variant needs {@code feature}. */
    public static KernelNeed always(KernelFeature feature) {
        return new KernelNeed(feature, c -> true);
    }

    /** The rows with {@code knob} at {@code value} need {@code feature}. */
    public static KernelNeed when(Knob knob, String value, KernelFeature feature) {
        return new KernelNeed(feature, c -> c.value(knob).equals(value));
    }

    /** The rows with the whole-number {@code knob} above {@code limit} need {@code feature}. */
    public static KernelNeed above(Knob knob, int limit, KernelFeature feature) {
        return new KernelNeed(feature, c -> Integer.parseInt(c.value(knob)) > limit);
    }
}

package zcbench.harness.targets;

import java.io.PrintStream;
import java.util.List;

import zcbench.vocabulary.Knobs;

/**
 * Which target a run sends to: the one asked for, except that a run asked for a topology of namespaces
 * (sink, forward, peer) falls back to loopback where it cannot be made (no root, no iproute2), and says so.
 */
public final class TargetChoice {
    /** The targets made of the project's own namespaces. */
    private static final List<String> NAMESPACED = List.of(Knobs.TARGET_SINK, Knobs.TARGET_FORWARD, Knobs.TARGET_PEER);

    private TargetChoice() {
    }

    /**
     * {@code target} when it names a {@link Target}: one made here, or an allowed remote receiver.
     *
     * @throws IllegalArgumentException one sentence saying what is allowed
     */
    public static String check(String target) {
        Target.of(target);
        return target;
    }

    /**
     * The run's one target from {@code --target} (given or its default) and {@code -p target=} (null when not
     * given): every row of a run sends to the same place, so two targets are refused.
     */
    public static String ofOptions(String option, boolean optionGiven, List<String> fromP) {
        String chosen = option;
        if (fromP != null) {
            if (fromP.size() != 1) {
                throw new IllegalArgumentException("-p target takes one target, not " + (fromP.isEmpty() ? "none"
                        : String.join(",", fromP)) + ": every row of a run sends to the same place; run once per target");
            }
            if (optionGiven && !option.equals(fromP.getFirst())) {
                throw new IllegalArgumentException("--target " + option + " and -p target=" + fromP.getFirst()
                        + " say two targets; give one");
            }
            chosen = fromP.getFirst();
        }
        return check(chosen);
    }

    /** The target a run uses; a fallback is said on {@code progress}, once. */
    public static String forRun(String requested, PrintStream progress) {
        String reason = fallbackReason(requested);
        if (reason == null) {
            return requested;
        }
        progress.println("zcbench: no " + requested + ": " + reason + ".");
        progress.println("zcbench: falling back to loopback, where every zero-copy send is copied at delivery;"
                + " the copied column shows it.");
        return Knobs.TARGET_LOOPBACK;
    }

    /** The target a run asked for {@code requested} sends to, as {@link #forRun} decides it, saying nothing. */
    public static String wouldUse(String requested) {
        return fallbackReason(requested) == null ? requested : Knobs.TARGET_LOOPBACK;
    }

    /** What a dry run says when a run would fall back; a dry run itself lists the target asked for. */
    public static void sayForDryRun(String requested, PrintStream progress) {
        String reason = fallbackReason(requested);
        if (reason != null) {
            progress.println("zcbench: no " + requested + " here (" + reason + "); a run would fall back to"
                    + " loopback.");
        }
    }

    /** Why the topology asked for cannot be made here; null when it can, or when none was asked for. */
    private static String fallbackReason(String requested) {
        return NAMESPACED.contains(requested) ? SinkNetwork.unavailableReason() : null;
    }
}

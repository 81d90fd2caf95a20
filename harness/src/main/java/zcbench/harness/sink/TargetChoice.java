package zcbench.harness.sink;

import java.io.PrintStream;
import java.util.List;

/**
 * Which target a run sends to: the one asked for, except that a run asked for the sink falls back to
 * loopback where the sink cannot be made (no root, no iproute2), and says so.
 */
public final class TargetChoice {
    public static final String SINK = "sink";
    public static final String LOOPBACK = "loopback";
    public static final List<String> TARGETS = List.of(SINK, LOOPBACK);

    private TargetChoice() {
    }

    /** The target a run uses; a fallback is said on {@code progress}, once. */
    public static String forRun(String requested, PrintStream progress) {
        String reason = fallbackReason(requested);
        if (reason == null) {
            return requested;
        }
        progress.println("zcbench: no sink: " + reason + ".");
        progress.println("zcbench: falling back to loopback, where every zero-copy send is copied at delivery;"
                + " the copied column shows it.");
        return LOOPBACK;
    }

    /** What a dry run says when a run would fall back; a dry run itself lists the target asked for. */
    public static void sayForDryRun(String requested, PrintStream progress) {
        String reason = fallbackReason(requested);
        if (reason != null) {
            progress.println("zcbench: no sink here (" + reason + "); a run would fall back to loopback.");
        }
    }

    /** Why the sink asked for cannot be made here; null when it can, or when it was not asked for. */
    private static String fallbackReason(String requested) {
        return requested.equals(SINK) ? SinkNetwork.unavailableReason() : null;
    }
}

package zcbench.harness.run;

import zcbench.harness.run.PlanRunner.Stop;

/**
 * What a row or fork that failed means for the run: a signal or a full disk stops it ({@code stopped} says why,
 * for the rows not run), anything else is this row's failure alone ({@code stop} NONE, {@code stopped} null).
 * Decided in one place for the run row by row and the run in rounds.
 */
record Failed(Stop stop, String stopped, String reason) {
    /** Why the rows after a signal were not run. */
    static final String BY_SIGNAL = "the run was stopped by a signal";

    /**
     * @param reason    the failure's innermost message
     * @param signalled whether a signal has come, which makes any failure since a stop
     */
    static Failed of(String reason, boolean signalled, RunFolder folder) {
        if (signalled) {
            return new Failed(Stop.SIGNAL, BY_SIGNAL, "stopped by a signal while it ran");
        }
        if (RunFolder.full(reason)) {
            // Every later row would fail the same way, after its fork had measured it for nothing.
            return new Failed(Stop.DISK_FULL, "no space left on device in " + folder.dir(), reason);
        }
        return new Failed(Stop.NONE, null, reason);
    }
}

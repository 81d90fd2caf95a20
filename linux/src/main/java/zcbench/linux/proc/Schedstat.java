package zcbench.linux.proc;

/**
 * A thread's /proc/PID/task/TID/schedstat: nanoseconds it ran on a CPU, nanoseconds it waited on a
 * run queue, and its time slices. The scheduler's own clock, so it is exact where /proc/stat is sampled.
 */
public record Schedstat(long runNanos, long waitNanos, long timeslices) {

    public static Schedstat parse(ProcText schedstat) {
        return new Schedstat(schedstat.number(0, 0), schedstat.number(0, 1), schedstat.number(0, 2));
    }

    /** The file of thread {@code tid} of this process. */
    public static String path(int tid) {
        return "/proc/self/task/" + tid + "/schedstat";
    }

    public Schedstat minus(Schedstat earlier) {
        return new Schedstat(runNanos - earlier.runNanos, waitNanos - earlier.waitNanos,
                timeslices - earlier.timeslices);
    }
}

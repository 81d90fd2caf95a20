package zcbench.linux.proc;

/**
 * A thread's /proc/PID/task/TID/schedstat: nanoseconds it ran on a CPU, nanoseconds it waited on a
 * run queue, and its time slices. The scheduler's own clock, so it is exact where /proc/stat is sampled.
 */
public record Schedstat(long runNanos, long waitNanos, long timeslices) {

    /** Numbers of the file, in this record's order. */
    public static final int FIELDS = 3;

    public static Schedstat parse(ProcText schedstat) {
        long[] v = new long[FIELDS];
        read(schedstat, v, 0);
        return of(v, 0);
    }

    /** The file's {@link #FIELDS} numbers into {@code into[at..]}: no allocation. */
    public static void read(ProcText schedstat, long[] into, int at) {
        for (int i = 0; i < FIELDS; i++) {
            into[at + i] = schedstat.number(0, i);
        }
    }

    public static Schedstat of(long[] v, int at) {
        return new Schedstat(v[at], v[at + 1], v[at + 2]);
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

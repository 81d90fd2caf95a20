package zcbench.linux.sched;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemoryLayout.PathElement;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.invoke.VarHandle;

import zcbench.linux.LinuxException;
import zcbench.linux.SchedCalls;

/**
 * CPU time from getrusage: of this process (RUSAGE_SELF: every thread, those that have exited
 * included, and io_uring's io-wq workers, threads of the same thread group) or of the calling
 * thread alone (RUSAGE_THREAD). The kernel splits the scheduler's exact run time into user and
 * system in the proportion of the ticks it sampled, and reports it at µs resolution.
 */
public final class Rusage {

    /** User and system CPU time in nanoseconds (of µs resolution). */
    public record Times(long userNanos, long systemNanos) {

        public Times minus(Times earlier) {
            return new Times(userNanos - earlier.userNanos, systemNanos - earlier.systemNanos);
        }

        public Times plus(Times other) {
            return new Times(userNanos + other.userNanos, systemNanos + other.systemNanos);
        }

        public long totalNanos() {
            return userNanos + systemNanos;
        }
    }

    public static final int RUSAGE_SELF = 0;
    public static final int RUSAGE_THREAD = 1;
    private static final StructLayout TIMEVAL = MemoryLayout.structLayout(
            JAVA_LONG.withName("tv_sec"), JAVA_LONG.withName("tv_usec"));
    /** {@code struct rusage} on 64-bit Linux: two timevals, then 14 longs not read here. */
    public static final StructLayout RUSAGE = MemoryLayout.structLayout(
            TIMEVAL.withName("ru_utime"), TIMEVAL.withName("ru_stime"),
            MemoryLayout.sequenceLayout(14, JAVA_LONG).withName("ru_rest"));
    private static final VarHandle USER_SEC = field("ru_utime", "tv_sec");
    private static final VarHandle USER_USEC = field("ru_utime", "tv_usec");
    private static final VarHandle SYS_SEC = field("ru_stime", "tv_sec");
    private static final VarHandle SYS_USEC = field("ru_stime", "tv_usec");

    private Rusage() {
    }

    public static Times self() {
        return of(RUSAGE_SELF);
    }

    /** The calling thread's own CPU time. */
    public static Times thread() {
        return of(RUSAGE_THREAD);
    }

    private static Times of(int who) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment usage = arena.allocate(RUSAGE);
            read(who, usage);
            return new Times(userNanos(usage), systemNanos(usage));
        }
    }

    /**
     * getrusage of {@code who} into {@code usage}, a {@link #RUSAGE} segment the caller keeps: no allocation,
     * for readings between benchmark iterations.
     */
    public static void read(int who, MemorySegment usage) {
        LinuxException.check(who == RUSAGE_THREAD ? "getrusage(RUSAGE_THREAD)" : "getrusage(RUSAGE_SELF)",
                SchedCalls.getrusage(who, usage));
    }

    public static long userNanos(MemorySegment usage) {
        return nanos(usage, USER_SEC, USER_USEC);
    }

    public static long systemNanos(MemorySegment usage) {
        return nanos(usage, SYS_SEC, SYS_USEC);
    }

    private static long nanos(MemorySegment usage, VarHandle sec, VarHandle usec) {
        return (long) sec.get(usage, 0L) * 1_000_000_000L + (long) usec.get(usage, 0L) * 1_000L;
    }

    private static VarHandle field(String timeval, String field) {
        return RUSAGE.varHandle(PathElement.groupElement(timeval), PathElement.groupElement(field));
    }
}

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
 * CPU time of this process from getrusage(RUSAGE_SELF): every thread of the process, those that
 * have exited included, and io_uring's io-wq workers (threads of the same thread group). The
 * kernel keeps it at µs resolution, with user and system apart; /proc/self/stat would give
 * 10 ms ticks.
 */
public final class Rusage {

    /** User and system CPU time in nanoseconds (of µs resolution). */
    public record Times(long userNanos, long systemNanos) {

        public Times minus(Times earlier) {
            return new Times(userNanos - earlier.userNanos, systemNanos - earlier.systemNanos);
        }
    }

    public static final int RUSAGE_SELF = 0;
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
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment usage = arena.allocate(RUSAGE);
            LinuxException.check("getrusage(RUSAGE_SELF)", SchedCalls.getrusage(RUSAGE_SELF, usage));
            return new Times(nanos(usage, USER_SEC, USER_USEC), nanos(usage, SYS_SEC, SYS_USEC));
        }
    }

    private static long nanos(MemorySegment usage, VarHandle sec, VarHandle usec) {
        return (long) sec.get(usage, 0L) * 1_000_000_000L + (long) usec.get(usage, 0L) * 1_000L;
    }

    private static VarHandle field(String timeval, String field) {
        return RUSAGE.varHandle(PathElement.groupElement(timeval), PathElement.groupElement(field));
    }
}

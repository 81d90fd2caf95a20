package zcbench.profiles.cpu;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemoryLayout.PathElement;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

/**
 * CPU time of this process from getrusage(RUSAGE_SELF): every thread of the process, those that
 * have exited included, and io_uring's io-wq workers (threads of the same thread group). The
 * kernel keeps it at µs resolution, with user and system apart; /proc/self/stat would give
 * 10 ms ticks.
 */
@SuppressWarnings("restricted") // a downcall: forks run with --enable-native-access=ALL-UNNAMED
final class Rusage {

    /** User and system CPU time in nanoseconds (of µs resolution). */
    record Times(long userNanos, long systemNanos) {

        Times minus(Times earlier) {
            return new Times(userNanos - earlier.userNanos, systemNanos - earlier.systemNanos);
        }
    }

    private static final int RUSAGE_SELF = 0;
    private static final StructLayout TIMEVAL = MemoryLayout.structLayout(
            JAVA_LONG.withName("tv_sec"), JAVA_LONG.withName("tv_usec"));
    /** struct rusage on 64-bit Linux: two timevals, then 14 longs we do not read. */
    private static final StructLayout RUSAGE = MemoryLayout.structLayout(
            TIMEVAL.withName("ru_utime"), TIMEVAL.withName("ru_stime"),
            MemoryLayout.sequenceLayout(14, JAVA_LONG).withName("ru_rest"));
    private static final VarHandle USER_SEC = field("ru_utime", "tv_sec");
    private static final VarHandle USER_USEC = field("ru_utime", "tv_usec");
    private static final VarHandle SYS_SEC = field("ru_stime", "tv_sec");
    private static final VarHandle SYS_USEC = field("ru_stime", "tv_usec");

    private static final StructLayout CALL_STATE = Linker.Option.captureStateLayout();
    private static final VarHandle ERRNO = CALL_STATE.varHandle(PathElement.groupElement("errno"));
    private static final MethodHandle GETRUSAGE = Linker.nativeLinker().downcallHandle(
            Linker.nativeLinker().defaultLookup().findOrThrow("getrusage"),
            FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS),
            Linker.Option.captureCallState("errno"));

    private Rusage() {
    }

    static Times self() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = arena.allocate(CALL_STATE);
            MemorySegment usage = arena.allocate(RUSAGE);
            int rc = (int) GETRUSAGE.invokeExact(state, RUSAGE_SELF, usage);
            if (rc != 0) {
                throw new IllegalStateException("getrusage(RUSAGE_SELF) failed, errno " + (int) ERRNO.get(state, 0L));
            }
            return new Times(nanos(usage, USER_SEC, USER_USEC), nanos(usage, SYS_SEC, SYS_USEC));
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException("getrusage downcall failed", t);
        }
    }

    private static long nanos(MemorySegment usage, VarHandle sec, VarHandle usec) {
        return (long) sec.get(usage, 0L) * 1_000_000_000L + (long) usec.get(usage, 0L) * 1_000L;
    }

    private static VarHandle field(String timeval, String field) {
        return RUSAGE.varHandle(PathElement.groupElement(timeval), PathElement.groupElement(field));
    }
}

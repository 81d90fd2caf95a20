package zcbench.linux;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static zcbench.linux.Downcalls.errnoCall;
import static zcbench.linux.Downcalls.linkage;
import static zcbench.linux.Downcalls.result;
import static zcbench.linux.Downcalls.state;

import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;

/** CPU affinity and CPU time: each call returns its result, or {@code -errno} ({@link Downcalls}). */
public final class SchedCalls {
    private static final MethodHandle SCHED_SETAFFINITY =
            errnoCall("sched_setaffinity", JAVA_INT, JAVA_INT, JAVA_LONG, ADDRESS);
    private static final MethodHandle SCHED_GETAFFINITY =
            errnoCall("sched_getaffinity", JAVA_INT, JAVA_INT, JAVA_LONG, ADDRESS);
    private static final MethodHandle GETRUSAGE = errnoCall("getrusage", JAVA_INT, JAVA_INT, ADDRESS);

    private SchedCalls() {
    }

    public static int schedSetaffinity(int pid, MemorySegment mask) {
        MemorySegment st = state();
        try {
            return result((int) SCHED_SETAFFINITY.invokeExact(st, pid, mask.byteSize(), mask), st);
        } catch (Throwable t) {
            throw linkage(t);
        }
    }

    public static int schedGetaffinity(int pid, MemorySegment mask) {
        MemorySegment st = state();
        try {
            return result((int) SCHED_GETAFFINITY.invokeExact(st, pid, mask.byteSize(), mask), st);
        } catch (Throwable t) {
            throw linkage(t);
        }
    }

    public static int getrusage(int who, MemorySegment usage) {
        MemorySegment st = state();
        try {
            return result((int) GETRUSAGE.invokeExact(st, who, usage), st);
        } catch (Throwable t) {
            throw linkage(t);
        }
    }
}

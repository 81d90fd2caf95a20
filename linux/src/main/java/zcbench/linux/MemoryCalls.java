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

/** Mappings: each call returns its result, or {@code -errno} ({@link Downcalls}). */
public final class MemoryCalls {
    // The address comes back as a number: MAP_FAILED is (void *) -1, and a user-space address on
    // x86_64 is never negative, so the -errno convention holds for it too.
    private static final MethodHandle MMAP =
            errnoCall("mmap", JAVA_LONG, ADDRESS, JAVA_LONG, JAVA_INT, JAVA_INT, JAVA_INT, JAVA_LONG);
    private static final MethodHandle MUNMAP = errnoCall("munmap", JAVA_INT, ADDRESS, JAVA_LONG);
    private static final MethodHandle MADVISE = errnoCall("madvise", JAVA_INT, ADDRESS, JAVA_LONG, JAVA_INT);

    private MemoryCalls() {
    }

    /** mmap(2) where the kernel chooses: the mapping's address, or -errno. */
    public static long mmap(long length, int prot, int flags, int fd, long offset) {
        MemorySegment st = state();
        try {
            return result((long) MMAP.invokeExact(st, MemorySegment.NULL, length, prot, flags, fd, offset), st);
        } catch (Throwable t) {
            throw linkage(t);
        }
    }

    public static int munmap(MemorySegment addr, long length) {
        MemorySegment st = state();
        try {
            return result((int) MUNMAP.invokeExact(st, addr, length), st);
        } catch (Throwable t) {
            throw linkage(t);
        }
    }

    public static int madvise(MemorySegment addr, long length, int advice) {
        MemorySegment st = state();
        try {
            return result((int) MADVISE.invokeExact(st, addr, length, advice), st);
        } catch (Throwable t) {
            throw linkage(t);
        }
    }
}

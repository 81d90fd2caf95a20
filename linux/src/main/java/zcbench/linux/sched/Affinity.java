package zcbench.linux.sched;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.BitSet;

import zcbench.linux.LinuxException;
import zcbench.linux.SchedCalls;

/**
 * CPU affinity of one thread, as the kernel's C tools set it with {@code -C}. A thread is named
 * by its kernel id (tid); 0 means the calling thread, not the process.
 */
public final class Affinity {
    /** Room for 1024 CPUs, glibc's cpu_set_t. */
    private static final long CPU_SET_BYTES = 128;

    private Affinity() {
    }

    /** Pins the calling thread to one CPU. */
    public static void pinCurrentThread(int cpu) {
        if (cpu < 0 || cpu >= CPU_SET_BYTES * 8) {
            throw new IllegalArgumentException("cpu " + cpu + " is out of range 0.." + (CPU_SET_BYTES * 8 - 1));
        }
        BitSet one = new BitSet();
        one.set(cpu);
        LinuxException.check("sched_setaffinity(cpu " + cpu + ")", set(0, one));
    }

    /** Restores an affinity read earlier with {@link #currentThread()}. */
    public static void setCurrentThread(BitSet cpus) {
        LinuxException.check("sched_setaffinity", set(0, cpus));
    }

    /** The CPUs the calling thread may run on. */
    public static BitSet currentThread() {
        BitSet cpus = of(0);
        if (cpus == null) {
            throw new IllegalStateException("sched_getaffinity of the calling thread failed");
        }
        return cpus;
    }

    /** The CPUs thread {@code tid} may run on, or null when it cannot be read (the thread ended). */
    public static BitSet of(int tid) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment mask = arena.allocate(CPU_SET_BYTES, 8);
            if (SchedCalls.schedGetaffinity(tid, mask) < 0) {
                return null;
            }
            return BitSet.valueOf(mask.toArray(ValueLayout.JAVA_LONG));
        }
    }

    /** sched_setaffinity of thread {@code tid}: 0, or -errno (ESRCH when the thread has ended). */
    public static int set(int tid, BitSet cpus) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment mask = arena.allocate(CPU_SET_BYTES, 8);
            long[] words = cpus.toLongArray();
            MemorySegment.copy(words, 0, mask, ValueLayout.JAVA_LONG, 0, Math.min(words.length, (int) (CPU_SET_BYTES / 8)));
            return SchedCalls.schedSetaffinity(tid, mask);
        }
    }
}

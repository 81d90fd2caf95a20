package zcbench.linux.sched;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.BitSet;

import zcbench.linux.Libc;

/** CPU affinity of the calling thread, as the kernel's C tools set it with {@code -C}. */
public final class Affinity {
    /** Room for 1024 CPUs, glibc's cpu_set_t. */
    private static final long CPU_SET_BYTES = 128;

    private Affinity() {
    }

    /** Pins the calling thread (pid 0 means the caller, not the process) to one CPU. */
    public static void pinCurrentThread(int cpu) {
        if (cpu < 0 || cpu >= CPU_SET_BYTES * 8) {
            throw new IllegalArgumentException("cpu " + cpu + " is out of range 0.." + (CPU_SET_BYTES * 8 - 1));
        }
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment mask = arena.allocate(CPU_SET_BYTES, 8);
            long word = mask.get(ValueLayout.JAVA_LONG, (cpu / 64) * 8L);
            mask.set(ValueLayout.JAVA_LONG, (cpu / 64) * 8L, word | (1L << (cpu % 64)));
            Libc.check("sched_setaffinity(cpu " + cpu + ")", Libc.schedSetaffinity(0, mask));
        }
    }

    /** Restores an affinity read earlier with {@link #currentThread()}. */
    public static void setCurrentThread(BitSet cpus) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment mask = arena.allocate(CPU_SET_BYTES, 8);
            long[] words = cpus.toLongArray();
            MemorySegment.copy(words, 0, mask, ValueLayout.JAVA_LONG, 0, Math.min(words.length, (int) (CPU_SET_BYTES / 8)));
            Libc.check("sched_setaffinity", Libc.schedSetaffinity(0, mask));
        }
    }

    /** The CPUs the calling thread may run on. */
    public static BitSet currentThread() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment mask = arena.allocate(CPU_SET_BYTES, 8);
            Libc.check("sched_getaffinity", Libc.schedGetaffinity(0, mask));
            return BitSet.valueOf(mask.toArray(ValueLayout.JAVA_LONG));
        }
    }
}

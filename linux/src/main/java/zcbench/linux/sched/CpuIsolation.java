package zcbench.linux.sched;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import zcbench.linux.SchedCalls;

/**
 * Keeps one CPU for the calling thread alone, or one each for a row's senders: every other thread
 * of the process is confined to the remaining CPUs it may use, and gets its own affinity back on {@link #close()}. A thread
 * started later inherits the affinity of the thread that starts it, so the JVM's later compiler
 * and GC workers, started by confined threads, are confined too.
 *
 * <p>On a machine with one usable CPU nothing is confined ({@link #confined()} is 0).
 */
public final class CpuIsolation implements AutoCloseable {
    private static final long CPU_SET_BYTES = 128;

    /** The threads that keep their own CPUs: the senders. */
    private final Set<Integer> kept;
    private final BitSet others;
    /** Confined threads and the affinity each had, as cpu_set_t words: restored without allocating. */
    private final Map<Integer, long[]> saved = new LinkedHashMap<>();
    private final Arena arena = Arena.ofConfined();
    private final MemorySegment mask = arena.allocate(CPU_SET_BYTES, 8);

    private CpuIsolation(Set<Integer> kept, BitSet others) {
        this.kept = Set.copyOf(kept);
        this.others = others;
    }

    /**
     * Confines every other thread of this process away from {@code cpu}, to {@code usable} less
     * that CPU. The caller pins itself to {@code cpu}. Threads started later inherit the affinity
     * of the thread that starts them, so they stay confined unless the caller itself starts them.
     */
    public static CpuIsolation keepFor(int cpu, BitSet usable) {
        BitSet cpus = new BitSet();
        cpus.set(cpu);
        return keepFor(cpus, Set.of(currentTid()), usable);
    }

    /**
     * Confines every thread of this process but {@code threads} away from {@code cpus}, to {@code usable}
     * less those CPUs; nothing is confined when no CPU is left. Each of {@code threads} pins itself first,
     * and this must be closed by the thread that calls it.
     */
    public static CpuIsolation keepFor(BitSet cpus, Set<Integer> threads, BitSet usable) {
        BitSet others = (BitSet) usable.clone();
        others.andNot(cpus);
        CpuIsolation isolation = new CpuIsolation(threads, others);
        try {
            isolation.confine();
        } catch (RuntimeException e) {
            isolation.close();
            throw e;
        }
        return isolation;
    }

    private void confine() {
        if (others.isEmpty()) {
            return;
        }
        for (int tid : threadIds()) {
            if (kept.contains(tid)) {
                continue;
            }
            BitSet before = Affinity.of(tid);
            // A thread that ended meanwhile (ESRCH) needs nothing.
            if (before != null && Affinity.set(tid, others) == 0) {
                saved.put(tid, before.toLongArray());
            }
        }
    }

    /** Threads confined away from the sender's CPU (0 when no other CPU is usable). */
    public int confined() {
        return saved.size();
    }

    /**
     * Gives every confined thread that still runs its own affinity back. A benchmark's trial
     * teardown counts into its last iteration, so this reuses one mask rather than allocating.
     */
    @Override
    public void close() {
        for (var e : saved.entrySet()) {
            long[] words = e.getValue();
            mask.fill((byte) 0);
            MemorySegment.copy(words, 0, mask, ValueLayout.JAVA_LONG, 0, Math.min(words.length, (int) (CPU_SET_BYTES / 8)));
            // ESRCH: the thread ended; nothing to give back.
            SchedCalls.schedSetaffinity(e.getKey(), mask);
        }
        saved.clear();
        arena.close();
    }

    /** The calling thread's kernel id, from /proc/thread-self (a link to /proc/PID/task/TID). */
    public static int currentTid() {
        try {
            Path link = Files.readSymbolicLink(Path.of("/proc/thread-self"));
            return Integer.parseInt(link.getFileName().toString());
        } catch (IOException e) {
            throw new UncheckedIOException("reading /proc/thread-self", e);
        }
    }

    private static int[] threadIds() {
        try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
            return tasks.mapToInt(p -> Integer.parseInt(p.getFileName().toString())).toArray();
        } catch (IOException e) {
            throw new UncheckedIOException("listing /proc/self/task", e);
        }
    }
}

package zcbench.linux.sched;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

import zcbench.linux.proc.ProcFile;

/**
 * Keeps one CPU for the calling thread alone: every other thread of the process is confined to
 * the remaining CPUs it may use, and gets its own affinity back on {@link #close()}. The JVM
 * starts threads while it runs (compiler and GC workers), and a new thread inherits the affinity
 * of the thread that made it, so {@link #confineNewThreads()} is called again between iterations.
 *
 * <p>On a machine with one usable CPU nothing is confined, and {@link #describe()} says so.
 */
public final class CpuIsolation implements AutoCloseable {
    private final int ownTid;
    private final int cpu;
    private final BitSet others;
    private final Map<Integer, BitSet> saved = new LinkedHashMap<>();
    /** /proc/self/stat, whose thread count tells, without a listing, whether threads were started. */
    private final ProcFile stat = new ProcFile("/proc/self/stat", 4096);
    private long threadsSeen = -1;

    private CpuIsolation(int ownTid, int cpu, BitSet others) {
        this.ownTid = ownTid;
        this.cpu = cpu;
        this.others = others;
    }

    /**
     * Confines every other thread of this process away from {@code cpu}, to {@code usable} less
     * that CPU. The caller pins itself to {@code cpu}.
     */
    public static CpuIsolation keepFor(int cpu, BitSet usable) {
        BitSet others = (BitSet) usable.clone();
        others.clear(cpu);
        CpuIsolation isolation = new CpuIsolation(currentTid(), cpu, others);
        try {
            isolation.confineNewThreads();
        } catch (RuntimeException e) {
            isolation.close();
            throw e;
        }
        return isolation;
    }

    /**
     * Confines the threads started since the last call; returns how many it confined. Between
     * iterations this allocates nothing unless the process's thread count changed.
     */
    public int confineNewThreads() {
        if (others.isEmpty()) {
            return 0;
        }
        long threads = threadCount();
        if (threads == threadsSeen) {
            return 0;
        }
        threadsSeen = threads;
        int n = 0;
        for (int tid : threadIds()) {
            if (tid == ownTid || saved.containsKey(tid)) {
                continue;
            }
            BitSet before = Affinity.of(tid);
            // A thread that ended meanwhile (ESRCH) needs nothing.
            if (before != null && Affinity.set(tid, others) == 0) {
                saved.put(tid, before);
                n++;
            }
        }
        return n;
    }

    /** Which CPUs the sender and the other threads have, for the run's log and environment. */
    public String describe() {
        if (others.isEmpty()) {
            return "sender thread " + ownTid + " on CPU " + cpu + "; no other CPU is usable, so the fork's "
                    + "other threads share it";
        }
        return "sender thread " + ownTid + " alone on CPU " + cpu + "; " + saved.size()
                + " other threads of the fork confined to CPUs " + others;
    }

    public BitSet otherCpus() {
        return (BitSet) others.clone();
    }

    /** Gives every confined thread that still runs its own affinity back. */
    @Override
    public void close() {
        for (Map.Entry<Integer, BitSet> e : saved.entrySet()) {
            Affinity.set(e.getKey(), e.getValue());
        }
        saved.clear();
        stat.close();
    }

    /** num_threads, field 20 of /proc/self/stat: the 18th after the command name's closing parenthesis. */
    private long threadCount() {
        stat.reread();
        return stat.number(stat.lastIndexOf(')') + 1, 17);
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

package zcbench.harness.bench;

import java.util.BitSet;

import zcbench.linux.sched.Affinity;

/** The {@code cpu} parameter: "last" (the last CPU this process may use), a number, or -1. */
public final class CpuChoice {
    private CpuChoice() {
    }

    /** The CPU to pin to, or -1 for none. */
    public static int parse(String cpu) {
        if ("last".equals(cpu)) {
            BitSet allowed = Affinity.currentThread();
            return allowed.length() - 1;
        }
        try {
            int n = Integer.parseInt(cpu);
            if (n < -1) {
                throw new NumberFormatException();
            }
            if (n >= 0 && !Affinity.currentThread().get(n)) {
                throw new IllegalArgumentException("cpu " + n + " is not one this process may run on: "
                        + Affinity.currentThread());
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("cpu must be 'last', -1 (unpinned) or a CPU number, not '" + cpu + "'");
        }
    }

    /**
     * The CPU of sender {@code index} (0 first) of {@code threads}: {@code first} for the first, then each
     * usable CPU below it in turn, so that every sender has its own; -1 for none when {@code first} is.
     */
    public static int forThread(int first, int index, int threads) {
        if (first < 0) {
            return -1;
        }
        BitSet allowed = Affinity.currentThread();
        int cpu = first;
        for (int i = 0; i < index && cpu >= 0; i++) {
            cpu = allowed.previousSetBit(cpu - 1);
        }
        if (cpu < 0) {
            throw new IllegalArgumentException("threads=" + threads + " from cpu " + first + " needs " + threads
                    + " CPUs at or below it, one per sender; this process may run on " + allowed);
        }
        return cpu;
    }

    /** Every sender's CPU for {@code cpu} and {@code threads}, sender 0 first ({@link #forThread}); none when unpinned. */
    public static int[] senders(String cpu, int threads) {
        int first = parse(cpu);
        if (first < 0) {
            return new int[0];
        }
        int[] cpus = new int[threads];
        for (int i = 0; i < threads; i++) {
            cpus[i] = forThread(first, i, threads);
        }
        return cpus;
    }

    /**
     * The CPUs this process may use that no sender takes: for env.json and the note on a row whose senders
     * take every CPU, the same set the fork's {@code CpuIsolation} confines the other threads to (it takes the
     * senders' pinned CPUs from the process's usable ones itself); empty when the senders take them all.
     */
    public static BitSet leftToOthers(int[] senders) {
        BitSet others = Affinity.currentThread();
        for (int cpu : senders) {
            others.clear(cpu);
        }
        return others;
    }
}

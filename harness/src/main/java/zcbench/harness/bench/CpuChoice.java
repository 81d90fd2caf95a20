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
}

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
}

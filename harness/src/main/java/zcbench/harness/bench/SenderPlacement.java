package zcbench.harness.bench;

import java.util.BitSet;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import zcbench.linux.sched.CpuIsolation;

/**
 * The CPUs of one row's senders, each pinned to its own (docs/ARCHITECTURE.md, "The sender alone on its
 * CPU"). The first sender confines the fork's other threads once every sender has pinned itself and said
 * so here: confined earlier, a sender that had not yet pinned itself would be moved off its CPU.
 */
final class SenderPlacement {
    /** How long the first sender waits for the others to pin themselves before the row fails. */
    private static final long WAIT_SECONDS = 60;
    /** The row being set up; guarded by the class. */
    private static SenderPlacement current;

    private final CountDownLatch pinned;
    private final BitSet cpus = new BitSet();
    private final Set<Integer> threads = new HashSet<>();

    private SenderPlacement(int senders) {
        pinned = new CountDownLatch(senders);
    }

    /** The row's placement, shared by its senders: made by the first that asks. */
    static synchronized SenderPlacement of(int senders) {
        if (current == null) {
            current = new SenderPlacement(senders);
        }
        return current;
    }

    /** The row is over: the next row of this fork, if any, places its senders anew. */
    static synchronized void forget(SenderPlacement placement) {
        if (current == placement) {
            current = null;
        }
    }

    /** The calling sender has pinned itself to {@code cpu}. */
    void pinned(int cpu) {
        synchronized (this) {
            cpus.set(cpu);
            threads.add(CpuIsolation.currentTid());
        }
        pinned.countDown();
    }

    /**
     * The first sender, once every sender is pinned: the fork's other threads confined to {@code usable} less
     * the senders' CPUs, or not at all when the senders take them all. The caller closes it.
     */
    CpuIsolation isolate(BitSet usable) {
        try {
            if (!pinned.await(WAIT_SECONDS, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the row's other senders did not start within " + WAIT_SECONDS + " s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the row's other senders started", e);
        }
        synchronized (this) {
            return CpuIsolation.keepFor(cpus, threads, usable);
        }
    }
}

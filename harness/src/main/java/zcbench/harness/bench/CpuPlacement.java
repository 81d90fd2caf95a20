package zcbench.harness.bench;

import java.util.BitSet;
import java.util.function.Consumer;

import zcbench.linux.Teardown;
import zcbench.linux.sched.Affinity;
import zcbench.linux.sched.CpuIsolation;

/**
 * Where one sender of a row runs: the sender alone on its CPU, as the C tool runs. Its thread is pinned when the
 * row opens; once every sender of the row has pinned itself, the first confines the fork's JIT, GC and JMH threads
 * to the CPUs no sender uses; at the row's end all get their affinity back (docs/ARCHITECTURE.md, "The sender
 * alone on its CPU"). An unpinned sender ({@code cpu=-1}) places nothing.
 */
final class CpuPlacement implements AutoCloseable {
    private final int cpu;
    private BitSet affinityBefore;
    private SenderPlacement senders;
    private CpuIsolation isolation;

    private CpuPlacement(int cpu) {
        this.cpu = cpu;
    }

    /** Pins the calling thread to {@code cpu} (none when negative), one of the row's {@code threads} senders. */
    static CpuPlacement pin(int cpu, int threads) {
        CpuPlacement p = new CpuPlacement(cpu);
        if (cpu >= 0) {
            p.affinityBefore = Affinity.currentThread();
            Affinity.pinCurrentThread(cpu);
            p.senders = SenderPlacement.of(threads);
        }
        return p;
    }

    /** The CPU this sender sends on, or a negative number when it is not pinned. */
    int cpu() {
        return cpu;
    }

    /**
     * Says that this sender is pinned, on the thread that makes its send calls ({@code onSendingThread}), and, for
     * the first sender, confines the others once every sender has: called after the sender opened, so that the
     * threads it started while opening exist and are confined with the rest.
     */
    void pinned(Consumer<Runnable> onSendingThread, boolean first) {
        if (senders == null) {
            return;
        }
        SenderPlacement p = senders;
        onSendingThread.accept(() -> p.pinned(cpu));
        if (first) {
            isolation = p.isolate(affinityBefore);
        }
    }

    /** The other threads' CPUs back, then this one's; each step even if an earlier one failed. */
    @Override
    public void close() {
        Teardown t = new Teardown().close(isolation);
        BitSet affinity = affinityBefore;
        if (affinity != null) {
            t.step(() -> Affinity.setCurrentThread(affinity));
        }
        SenderPlacement done = senders;
        if (done != null) {
            t.step(() -> SenderPlacement.forget(done));
        }
        isolation = null;
        affinityBefore = null;
        senders = null;
        t.done();
    }
}

package zcbench.linux.sched;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.BitSet;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class CpuIsolationTest {

    /** Another thread of the process leaves the kept CPU for the isolation's life and gets its affinity back. */
    @Test
    void otherThreadsLeaveTheCpuAndComeBack() throws Exception {
        BitSet usable = Affinity.currentThread();
        assumeTrue(usable.cardinality() >= 2, () -> "skipped: needs two usable CPUs, has " + usable);
        int cpu = usable.length() - 1;
        try (Waiting other = Waiting.start("other")) {
            BitSet before = Affinity.of(other.tid());
            assertTrue(before.get(cpu), "the other thread may run on CPU " + cpu + " at first");
            try (CpuIsolation isolation = CpuIsolation.keepFor(cpu, usable)) {
                assertTrue(isolation.confined() >= 1, "at least the other thread was confined");
                BitSet during = Affinity.of(other.tid());
                assertFalse(during.get(cpu), "kept CPU " + cpu + " is not among " + during);
                assertTrue(Affinity.currentThread().get(cpu), "the calling thread itself is left alone");
            }
            assertEquals(before, Affinity.of(other.tid()), "affinity given back");
        }
    }

    /** A row's second sender is kept where it is; with every CPU a sender's, nothing is confined. */
    @Test
    void keptThreadsStayAndEveryCpuKeptConfinesNothing() throws Exception {
        BitSet usable = Affinity.currentThread();
        assumeTrue(usable.cardinality() >= 2, () -> "skipped: needs two usable CPUs, has " + usable);
        try (Waiting second = Waiting.start("second sender")) {
            BitSet before = Affinity.of(second.tid());
            Set<Integer> senders = Set.of(CpuIsolation.currentTid(), second.tid());
            BitSet last = new BitSet();
            last.set(usable.length() - 1);
            try (CpuIsolation isolation = CpuIsolation.keepFor(last, senders, usable)) {
                assertEquals(before, Affinity.of(second.tid()), "a kept thread is not confined");
            }
            try (CpuIsolation isolation = CpuIsolation.keepFor(usable, senders, usable)) {
                assertEquals(0, isolation.confined(), "no CPU left for the others: nothing confined");
            }
            assertEquals(before, Affinity.of(second.tid()));
        }
    }

    /** A thread that waits until closed, and its kernel id. */
    private record Waiting(Thread thread, int tid, CountDownLatch done) implements AutoCloseable {
        static Waiting start(String name) throws InterruptedException {
            AtomicInteger tid = new AtomicInteger();
            CountDownLatch started = new CountDownLatch(1);
            CountDownLatch done = new CountDownLatch(1);
            Thread thread = new Thread(() -> {
                tid.set(CpuIsolation.currentTid());
                started.countDown();
                try {
                    done.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, name);
            thread.start();
            assertTrue(started.await(10, TimeUnit.SECONDS), name + " started");
            return new Waiting(thread, tid.get(), done);
        }

        @Override
        public void close() throws InterruptedException {
            done.countDown();
            thread.join(10_000);
        }
    }
}

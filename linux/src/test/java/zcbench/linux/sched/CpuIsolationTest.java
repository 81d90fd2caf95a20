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
        AtomicInteger tid = new AtomicInteger();
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(1);
        Thread other = new Thread(() -> {
            tid.set(CpuIsolation.currentTid());
            started.countDown();
            try {
                done.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "other");
        other.start();
        try {
            assertTrue(started.await(10, TimeUnit.SECONDS));
            BitSet before = Affinity.of(tid.get());
            assertTrue(before.get(cpu), "the other thread may run on CPU " + cpu + " at first");
            try (CpuIsolation isolation = CpuIsolation.keepFor(cpu, usable)) {
                assertTrue(isolation.confined() >= 1, "at least the other thread was confined");
                BitSet during = Affinity.of(tid.get());
                assertFalse(during.get(cpu), "kept CPU " + cpu + " is not among " + during);
                assertTrue(Affinity.currentThread().get(cpu), "the calling thread itself is left alone");
            }
            assertEquals(before, Affinity.of(tid.get()), "affinity given back");
        } finally {
            done.countDown();
            other.join(10_000);
        }
    }

    /** A row's second sender is kept where it is; with every CPU a sender's, nothing is confined. */
    @Test
    void keptThreadsStayAndEveryCpuKeptConfinesNothing() throws Exception {
        BitSet usable = Affinity.currentThread();
        assumeTrue(usable.cardinality() >= 2, () -> "skipped: needs two usable CPUs, has " + usable);
        int last = usable.length() - 1;
        AtomicInteger tid = new AtomicInteger();
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(1);
        Thread second = new Thread(() -> {
            tid.set(CpuIsolation.currentTid());
            started.countDown();
            try {
                done.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "second sender");
        second.start();
        try {
            assertTrue(started.await(10, TimeUnit.SECONDS));
            BitSet before = Affinity.of(tid.get());
            Set<Integer> senders = Set.of(CpuIsolation.currentTid(), tid.get());
            BitSet one = new BitSet();
            one.set(last);
            try (CpuIsolation isolation = CpuIsolation.keepFor(one, senders, usable)) {
                assertEquals(before, Affinity.of(tid.get()), "a kept thread is not confined");
            }
            try (CpuIsolation isolation = CpuIsolation.keepFor(usable, senders, usable)) {
                assertEquals(0, isolation.confined(), "no CPU left for the others: nothing confined");
            }
            assertEquals(before, Affinity.of(tid.get()));
        } finally {
            done.countDown();
            second.join(10_000);
        }
    }
}

package zcbench.variants;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import zcbench.vocabulary.Knobs;
import zcbench.linux.ProcessResources;
import zcbench.linux.mem.HugePageMapping;
import zcbench.linux.mem.HugePages;
import zcbench.vocabulary.Variant;

class PayloadPoolTest {

    /**
     * A scripted completion sequence as a SEND_ZC sender sees it: send results arrive in order,
     * notifications late and out of order. No buffer may be handed out again before its
     * notification, and every buffer comes back.
     */
    @Test
    void bufferIsNeverReusedBeforeItsNotification() {
        try (PayloadPool pool = new PayloadPool(4, 4096)) {
            RequestTable table = RequestTable.create(true, 4);
            int a = pool.acquire();
            int ida = table.begin(a);
            int b = pool.acquire();
            int idb = table.begin(b);
            int c = pool.acquire();
            int idc = table.begin(c);
            int d = pool.acquire();
            table.begin(d);
            assertEquals(4, Set.of(a, b, c, d).size(), "four distinct buffers");
            assertEquals(-1, pool.acquire(), "all four owe a notification: nothing to hand out");
            // Send results came, notifications did not: still nothing.
            assertEquals(-1, pool.acquire());
            // Notification for the third request only.
            pool.release(table.complete(idc));
            assertEquals(c, pool.acquire(), "only the notified buffer comes back");
            assertEquals(-1, pool.acquire());
            pool.release(table.complete(idb));
            pool.release(table.complete(ida));
            assertEquals(b, pool.acquire(), "first in, first out");
            assertEquals(a, pool.acquire());
            assertEquals(-1, pool.acquire());
        }
    }

    @ParameterizedTest(name = "ubuf_cache={0}")
    @ValueSource(booleans = {true, false})
    void randomCompletionOrderNeverHandsOutABusyBuffer(boolean ubufCache) {
        Random random = new Random(42);
        try (PayloadPool pool = new PayloadPool(8, 4096)) {
            RequestTable table = RequestTable.create(ubufCache, 8);
            List<Integer> inFlightIds = new ArrayList<>();
            Set<Integer> busySlots = new HashSet<>();
            for (int step = 0; step < 100_000; step++) {
                boolean send = random.nextBoolean() && pool.free() > 0 && table.canBegin();
                if (send) {
                    int slot = pool.acquire();
                    assertTrue(busySlots.add(slot), "buffer " + slot + " handed out while still owed a notification");
                    inFlightIds.add(table.begin(slot));
                } else if (!inFlightIds.isEmpty()) {
                    int id = inFlightIds.remove(random.nextInt(inFlightIds.size()));
                    int slot = table.complete(id);
                    assertTrue(busySlots.remove(slot));
                    pool.release(slot);
                }
                assertEquals(8, pool.free() + busySlots.size());
                assertEquals(busySlots.size(), table.inFlight());
            }
        }
    }

    @Test
    void releasingAFreeBufferIsAnError() {
        try (PayloadPool pool = new PayloadPool(2, 4096)) {
            int s = pool.acquire();
            pool.release(s);
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> pool.release(s));
            assertEquals("buffer " + s + " released but it was not in use", e.getMessage());
        }
    }

    @ParameterizedTest(name = "ubuf_cache={0}")
    @ValueSource(booleans = {true, false})
    void completingAnUnknownRequestIsAnError(boolean ubufCache) {
        RequestTable table = RequestTable.create(ubufCache, 4);
        int id = table.begin(0);
        table.complete(id);
        assertThrows(IllegalStateException.class, () -> table.complete(id), "twice");
        assertThrows(IllegalStateException.class, () -> table.complete(id + 7), "never sent");
    }

    @Test
    void buffersArePageAlignedAndStamped() {
        try (PayloadPool pool = new PayloadPool(3, 65435)) {
            for (int i = 0; i < 3; i++) {
                assertEquals(0, pool.buffer(i).address() % 4096);
                Stamp.sequence(pool.buffer(i), 77);
                assertEquals(77, Stamp.verify(pool.buffer(i), 65435, 65435));
            }
        }
    }

    /** With thp the buffers are slots of one 2 MiB-aligned mapping, and the pool says what the kernel made of it. */
    @Test
    void thpBuffersAreCarvedFromOneAlignedMapping() {
        assumeTrue(Requirements.TRANSPARENT_HUGEPAGE_MODES.contains(HugePages.transparentMode()),
                () -> Requirements.needsTransparentHugepages(HugePages.transparentMode()));
        SendConfig config = SendConfig.of(Variant.of("uring_zc"), 65435, 8).with(Knobs.VERIFY, "true").with(Knobs.MEMORY, PayloadMemory.THP.id());
        try (PayloadPool pool = PayloadPool.of(config)) {
            assertEquals(16, pool.size());
            assertEquals(0, pool.buffer(0).address() % HugePageMapping.HUGE_PAGE, "2 MiB-aligned");
            for (int i = 1; i < pool.size(); i++) {
                assertEquals(pool.buffer(0).address() + i * 65536L, pool.buffer(i).address(), "slot " + i);
            }
            assertTrue(pool.memory().startsWith("thp: 16 buffers in one 2 MiB-aligned mapping of 2048 kB"
                    + " (MADV_HUGEPAGE); after the first touch AnonHugePages is "), pool.memory());
            assertTrue(pool.memory().matches(".* kB of 2048 kB: (backed|not backed|partly backed) by huge pages"),
                    pool.memory());
        }
    }

    /** This machine's reserved pages, as they are: without them the pool refuses with the skip sentence. */
    @Test
    void hugetlbWithoutReservedPagesIsRefusedWithWhatToSet() {
        SendConfig config = SendConfig.of(Variant.of("copy"), 65435, 8).with(Knobs.MEMORY, PayloadMemory.HUGETLB.id());
        if (HugePages.free2MiB() >= 1) {
            try (PayloadPool pool = PayloadPool.of(config)) {
                assertEquals("hugetlb: 1 buffer in one mapping of 1 reserved 2 MiB huge page (MAP_HUGETLB |"
                        + " MAP_HUGE_2MB)", pool.memory());
            }
            return;
        }
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> PayloadPool.of(config));
        assertEquals(Requirements.needsHugePages(1), e.getMessage());
        // The first refusal loads the exception classes; count from the second on.
        ProcessResources before = ProcessResources.now();
        for (int i = 0; i < 10; i++) {
            assertThrows(IllegalStateException.class, () -> PayloadPool.of(config));
        }
        assertEquals(before.mappings(), ProcessResources.now().mappings(), "nothing left mapped");
    }

    /** One owner unmaps every mapping: after many pools the process has the mappings it had. */
    @Test
    void closingPoolsUnmapsEveryMapping() {
        List<PayloadMemory> here = new ArrayList<>(List.of(PayloadMemory.NORMAL));
        if (Requirements.TRANSPARENT_HUGEPAGE_MODES.contains(HugePages.transparentMode())) {
            here.add(PayloadMemory.THP);
        }
        if (HugePages.free2MiB() >= 3) {
            here.add(PayloadMemory.HUGETLB);
        }
        for (PayloadMemory m : here) {
            SendConfig config = SendConfig.of(Variant.of("uring_zc"), 65435, 32).with(Knobs.VERIFY, "true").with(Knobs.MEMORY, m.id());
            try (PayloadPool warm = PayloadPool.of(config)) {
                assertEquals(64, warm.size());
            }
            ProcessResources before = ProcessResources.now();
            for (int i = 0; i < 10; i++) {
                try (PayloadPool pool = PayloadPool.of(config)) {
                    Stamp.sequence(pool.buffer(pool.acquire()), i);
                }
            }
            assertEquals(before.mappings(), ProcessResources.now().mappings(), "mappings after memory=" + m.id());
        }
    }
}

package zcbench.variants;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

import zcbench.linux.Errno;
import zcbench.linux.LinuxException;
import zcbench.linux.Teardown;
import zcbench.linux.mem.HugePageMapping;
import zcbench.linux.mem.HugePages;

/**
 * Page-aligned payload buffers that rotate first-in first-out. A buffer is handed out by
 * {@link #acquire()} and comes back only through {@link #release(int)}, which a zero-copy sender
 * calls when the buffer's notification has arrived: until then the kernel may still read it, so
 * it is neither re-stamped nor sent again.
 *
 * <p>A {@linkplain #shared shared} pool is the C tools' way: one buffer, written once, that every
 * send uses at once, since the kernel only reads it. Its {@link #acquire()} always returns slot 0
 * and {@link #release(int)} does nothing; nobody may stamp it after set-up.
 *
 * <p>With memory=normal each buffer is an allocation of its own; with thp or hugetlb the buffers are
 * slots carved out of one mapping of 2 MiB huge pages, as liburing's send-zerocopy -l carves its
 * buffers, and the pool unmaps it (docs/ARCHITECTURE.md, "Who owns what").
 */
public final class PayloadPool implements AutoCloseable {
    private static final long PAGE = 4096;

    private final Arena arena;
    private final HugePageMapping mapping;
    private final String memory;
    private final MemorySegment[] buffers;
    private final boolean[] inUse;
    private final int[] queue;
    private final boolean shared;
    private int queueHead;
    private int freeCount;

    public PayloadPool(int slots, int payload) {
        this(slots, payload, false, PayloadMemory.NORMAL);
    }

    /** One buffer for every send at once, stamped with sequence number 0 at set-up. */
    public static PayloadPool shared(int payload) {
        return new PayloadPool(1, payload, true, PayloadMemory.NORMAL);
    }

    /** The pool a sender of {@code config} sends from: shared without verify, in the memory it asks for. */
    public static PayloadPool of(SendConfig config) {
        return new PayloadPool(config.effectiveSlots(), config.payload(), !config.verify(), config.memory());
    }

    /** 2 MiB huge pages that the pool of {@code config} maps with memory=thp or hugetlb. */
    public static int hugePages(SendConfig config) {
        return HugePageMapping.pagesFor(config.effectiveSlots() * slotBytes(config.payload()));
    }

    private static long slotBytes(int payload) {
        return (payload + PAGE - 1) / PAGE * PAGE;
    }

    private PayloadPool(int slots, int payload, boolean shared, PayloadMemory memory) {
        this.shared = shared;
        if (slots < 1) {
            throw new IllegalArgumentException("a pool needs at least one buffer, not " + slots);
        }
        long size = slotBytes(payload);
        buffers = new MemorySegment[slots];
        inUse = new boolean[slots];
        queue = new int[slots];
        int pages = HugePageMapping.pagesFor(slots * size);
        Arena a = memory == PayloadMemory.NORMAL ? Arena.ofShared() : null;
        HugePageMapping m = null;
        try {
            m = map(memory, pages);
            for (int i = 0; i < slots; i++) {
                buffers[i] = m == null ? a.allocate(size, PAGE) : m.segment().asSlice(i * size, size);
                // The first touch: a transparent mapping gets its huge pages (or not) here.
                Stamp.prepare(buffers[i], payload);
                queue[i] = i;
            }
            this.memory = describe(memory, slots, pages, m);
        } catch (RuntimeException | Error e) {
            new Teardown().close(a).close(m).doneAfter(e);
            throw e;
        }
        arena = a;
        mapping = m;
        freeCount = slots;
    }

    private static HugePageMapping map(PayloadMemory memory, int pages) {
        return switch (memory) {
            case NORMAL -> null;
            case THP -> {
                String mode = HugePages.transparentMode();
                if (!Requirements.TRANSPARENT_HUGEPAGE_MODES.contains(mode)) {
                    throw new IllegalStateException(Requirements.needsTransparentHugepages(mode));
                }
                yield HugePageMapping.transparent(pages);
            }
            case HUGETLB -> {
                try {
                    yield HugePageMapping.hugetlb(pages);
                } catch (LinuxException e) {
                    if (e.errno() == Errno.ENOMEM) {
                        throw new IllegalStateException(Requirements.needsHugePages(pages), e);
                    }
                    throw e;
                }
            }
        };
    }

    private static String describe(PayloadMemory memory, int slots, int pages, HugePageMapping m) {
        String buffers = slots + (slots == 1 ? " buffer" : " buffers");
        return switch (memory) {
            case NORMAL -> "normal: " + buffers + ", each page-aligned native memory of its own";
            case THP -> {
                long huge = m.transparentHugeKb();
                long all = HugePageMapping.bytes(pages) >> 10;
                String backed = huge == all ? "backed by huge pages" : huge == 0 ? "not backed by huge pages"
                        : "partly backed by huge pages";
                yield "thp: " + buffers + " in one 2 MiB-aligned mapping of " + all + " kB (MADV_HUGEPAGE); after the"
                        + " first touch AnonHugePages is " + huge + " kB of " + all + " kB: " + backed;
            }
            case HUGETLB -> "hugetlb: " + buffers + " in one mapping of " + pages + " reserved 2 MiB huge "
                    + (pages == 1 ? "page" : "pages") + " (MAP_HUGETLB | MAP_HUGE_2MB)";
        };
    }

    /** A free buffer's slot, or -1 when every buffer is still owed a notification. */
    public int acquire() {
        if (shared) {
            return 0;
        }
        if (freeCount == 0) {
            return -1;
        }
        int slot = queue[queueHead];
        queueHead = (queueHead + 1) % queue.length;
        freeCount--;
        inUse[slot] = true;
        return slot;
    }

    public void release(int slot) {
        if (shared) {
            return;
        }
        if (slot < 0 || slot >= buffers.length || !inUse[slot]) {
            throw new IllegalStateException("buffer " + slot + " released but it was not in use");
        }
        inUse[slot] = false;
        queue[(queueHead + freeCount) % queue.length] = slot;
        freeCount++;
    }

    public MemorySegment buffer(int slot) {
        return buffers[slot];
    }

    /** Every buffer, in slot order: what fixed-buffer senders register with the ring. */
    public MemorySegment[] buffers() {
        return buffers.clone();
    }

    /** Where the buffers live, for the row's output: with thp, whether the kernel backed them with huge pages. */
    public String memory() {
        return memory;
    }

    public int free() {
        return shared ? 1 : freeCount;
    }

    public int size() {
        return buffers.length;
    }

    @Override
    public void close() {
        new Teardown().close(arena).close(mapping).done();
    }
}

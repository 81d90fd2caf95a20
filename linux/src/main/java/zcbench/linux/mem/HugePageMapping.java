package zcbench.linux.mem;

import static zcbench.linux.MemoryConstants.MADV_HUGEPAGE;
import static zcbench.linux.MemoryConstants.MAP_ANONYMOUS;
import static zcbench.linux.MemoryConstants.MAP_HUGETLB;
import static zcbench.linux.MemoryConstants.MAP_HUGE_2MB;
import static zcbench.linux.MemoryConstants.MAP_PRIVATE;
import static zcbench.linux.MemoryConstants.PROT_READ;
import static zcbench.linux.MemoryConstants.PROT_WRITE;

import java.lang.foreign.MemorySegment;

import zcbench.linux.LinuxException;
import zcbench.linux.MemoryCalls;
import zcbench.linux.Teardown;

/**
 * An anonymous private mapping of whole 2 MiB huge pages and its one owner: {@link #close()} unmaps
 * it exactly once. Either transparent (2 MiB-aligned, MADV_HUGEPAGE: the kernel may back it with
 * huge pages when it is first touched) or hugetlb (MAP_HUGETLB | MAP_HUGE_2MB: reserved pages taken
 * at mmap, or ENOMEM when too few are free).
 */
public final class HugePageMapping implements AutoCloseable {
    public static final long HUGE_PAGE = 2L << 20;

    private final MemorySegment segment;
    private boolean closed;

    private HugePageMapping(MemorySegment segment) {
        this.segment = segment;
    }

    /** The bytes of {@code pages} huge pages. */
    public static long bytes(int pages) {
        return pages * HUGE_PAGE;
    }

    /** Huge pages that hold {@code bytes}. */
    public static int pagesFor(long bytes) {
        return Math.toIntExact(Math.ceilDiv(bytes, HUGE_PAGE));
    }

    /**
     * A 2 MiB-aligned mapping advised MADV_HUGEPAGE. mmap aligns only to 4 KiB, so one huge page more
     * is mapped and the unaligned head and tail are unmapped again.
     */
    public static HugePageMapping transparent(int pages) {
        long size = bytes(pages);
        long raw = LinuxException.check("mmap(MAP_PRIVATE | MAP_ANONYMOUS)",
                MemoryCalls.mmap(size + HUGE_PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0));
        long aligned = Math.ceilDiv(raw, HUGE_PAGE) * HUGE_PAGE;
        MemorySegment all = MemorySegment.ofAddress(raw).reinterpret(size + HUGE_PAGE);
        MemorySegment kept = MemorySegment.ofAddress(aligned).reinterpret(size);
        try {
            unmap(MemorySegment.ofAddress(raw).reinterpret(aligned - raw));
            unmap(MemorySegment.ofAddress(aligned + size).reinterpret(raw + HUGE_PAGE - aligned));
            LinuxException.check("madvise(MADV_HUGEPAGE)", MemoryCalls.madvise(kept, size, MADV_HUGEPAGE));
        } catch (RuntimeException e) {
            // munmap of a range already unmapped succeeds: the whole first range covers every piece left.
            new Teardown().step(() -> unmap(all)).doneAfter(e);
            throw e;
        }
        return new HugePageMapping(kept);
    }

    /** A mapping of reserved 2 MiB huge pages; -ENOMEM when vm.nr_hugepages has too few free. */
    public static HugePageMapping hugetlb(int pages) {
        long size = bytes(pages);
        long address = MemoryCalls.mmap(size, PROT_READ | PROT_WRITE,
                MAP_PRIVATE | MAP_ANONYMOUS | MAP_HUGETLB | MAP_HUGE_2MB, -1, 0);
        LinuxException.check("mmap(MAP_HUGETLB | MAP_HUGE_2MB) of " + pages + " huge pages", address);
        return new HugePageMapping(MemorySegment.ofAddress(address).reinterpret(size));
    }

    public MemorySegment segment() {
        return segment;
    }

    /** Kilobytes of this mapping the kernel backs with transparent huge pages now (smaps' AnonHugePages). */
    public long transparentHugeKb() {
        return HugePages.anonHugePagesKb(segment.address());
    }

    private static void unmap(MemorySegment m) {
        if (m.byteSize() > 0) {
            LinuxException.check("munmap", MemoryCalls.munmap(m, m.byteSize()));
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        unmap(segment);
    }
}

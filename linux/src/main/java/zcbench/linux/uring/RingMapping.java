package zcbench.linux.uring;

import static zcbench.linux.MemoryConstants.MAP_POPULATE;
import static zcbench.linux.MemoryConstants.MAP_SHARED;
import static zcbench.linux.MemoryConstants.PROT_READ;
import static zcbench.linux.MemoryConstants.PROT_WRITE;
import static zcbench.linux.uring.IoUringConstants.IORING_FEAT_SINGLE_MMAP;
import static zcbench.linux.uring.IoUringConstants.IORING_OFF_CQ_RING;
import static zcbench.linux.uring.IoUringConstants.IORING_OFF_SQES;
import static zcbench.linux.uring.IoUringConstants.IORING_OFF_SQ_RING;
import static zcbench.linux.uring.UringStructs.IO_URING_CQE;
import static zcbench.linux.uring.UringStructs.IO_URING_SQE;

import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.List;

import zcbench.linux.LinuxException;
import zcbench.linux.MemoryCalls;
import zcbench.linux.Teardown;

/**
 * The memory a ring shares with the kernel, mapped from its descriptor as the set-up params size
 * it: the SQ ring, the CQ ring (the same mapping with IORING_FEAT_SINGLE_MMAP) and the SQE
 * array. {@link #close()} unmaps them.
 */
final class RingMapping implements AutoCloseable {
    private final List<MemorySegment> mappings = new ArrayList<>(3);
    private MemorySegment sqRing;
    private MemorySegment cqRing;
    private MemorySegment sqes;

    private RingMapping() {
    }

    /** Maps every region, or unmaps what it mapped and throws. */
    static RingMapping map(int ringFd, RingParams params) {
        long sqSize = params.sqArray() + (long) params.sqEntries() * Integer.BYTES;
        long cqSize = params.cqes() + params.cqEntries() * IO_URING_CQE.byteSize();
        boolean single = params.hasFeature(IORING_FEAT_SINGLE_MMAP);
        if (single) {
            sqSize = Math.max(sqSize, cqSize);
            cqSize = sqSize;
        }
        RingMapping m = new RingMapping();
        try {
            m.sqRing = m.region(ringFd, sqSize, IORING_OFF_SQ_RING);
            m.cqRing = single ? m.sqRing : m.region(ringFd, cqSize, IORING_OFF_CQ_RING);
            m.sqes = m.region(ringFd, params.sqEntries() * IO_URING_SQE.byteSize(), IORING_OFF_SQES);
        } catch (RuntimeException | Error e) {
            new Teardown().close(m).doneAfter(e);
            throw e;
        }
        return m;
    }

    private MemorySegment region(int ringFd, long size, long offset) {
        long address = LinuxException.check("mmap",
                MemoryCalls.mmap(size, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_POPULATE, ringFd, offset));
        MemorySegment m = MemorySegment.ofAddress(address).reinterpret(size);
        mappings.add(m);
        return m;
    }

    MemorySegment sqRing() {
        return sqRing;
    }

    MemorySegment cqRing() {
        return cqRing;
    }

    MemorySegment sqes() {
        return sqes;
    }

    /** Unmaps every region, each even when an earlier one failed. */
    @Override
    public void close() {
        Teardown t = new Teardown();
        for (MemorySegment m : mappings) {
            t.step(() -> LinuxException.check("munmap", MemoryCalls.munmap(m, m.byteSize())));
        }
        mappings.clear();
        t.done();
    }
}

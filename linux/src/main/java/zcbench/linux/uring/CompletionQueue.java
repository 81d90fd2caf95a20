package zcbench.linux.uring;

import static zcbench.linux.net.Structs.offset;
import static zcbench.linux.uring.IoUringConstants.IORING_ENTER_GETEVENTS;
import static zcbench.linux.uring.IoUringConstants.IORING_SQ_CQ_OVERFLOW;
import static zcbench.linux.uring.UringStructs.IO_URING_CQE;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.VarHandle;

/**
 * The completion queue: CQEs read in place from the shared CQ ring, and the ring's head, which the
 * kernel reads to know which slots it may fill again. Not thread-safe: one thread reaps.
 */
public final class CompletionQueue {
    private static final VarHandle INT = ValueLayout.JAVA_INT.varHandle();
    private static final long CQE_SIZE = IO_URING_CQE.byteSize();
    private static final long CQE_USER_DATA = offset(IO_URING_CQE, "user_data");
    private static final long CQE_RES = offset(IO_URING_CQE, "res");
    private static final long CQE_FLAGS = offset(IO_URING_CQE, "flags");

    private final RingFd ringFd;
    /** cq.head, which only this queue moves, past the CQEs it has read. */
    private final MemorySegment kHead;
    /** cq.tail, which the kernel moves past the CQEs it has written. */
    private final MemorySegment kTail;
    /** cq.overflow, the kernel's count of completions it dropped for good. */
    private final MemorySegment kOverflow;
    /** sq.flags, where the kernel raises IORING_SQ_CQ_OVERFLOW while it holds completions back. */
    private final MemorySegment kSqFlags;
    private final MemorySegment cqes;
    private final int ringMask;
    private final int entries;
    private long overflowFlushes;
    private int lastOverflowCount;

    CompletionQueue(RingFd ringFd, RingMapping mapping, RingParams params) {
        this.ringFd = ringFd;
        MemorySegment cqRing = mapping.cqRing();
        this.kHead = cqRing.asSlice(params.cqHead(), Integer.BYTES);
        this.kTail = cqRing.asSlice(params.cqTail(), Integer.BYTES);
        this.kOverflow = cqRing.asSlice(params.cqOverflow(), Integer.BYTES);
        this.kSqFlags = mapping.sqRing().asSlice(params.sqFlags(), Integer.BYTES);
        this.cqes = cqRing.asSlice(params.cqes(), params.cqEntries() * CQE_SIZE);
        this.ringMask = cqRing.get(ValueLayout.JAVA_INT, params.cqRingMask());
        this.entries = params.cqEntries();
    }

    /** CQEs ready to be reaped. */
    public int ready() {
        // Acquire: pairs with the kernel's smp_store_release of cq.tail after it wrote the CQEs
        // before it. Plain for cq.head: only this queue writes it.
        return (int) INT.getAcquire(kTail, 0L) - (int) INT.get(kHead, 0L);
    }

    /**
     * Hands every ready CQE to {@code handler} and returns how many there were. The head is
     * stored once for the whole batch, after the CQEs have been read: the kernel may overwrite a
     * CQE as soon as it sees the head move past it.
     */
    public int reap(CqeHandler handler) {
        checkOverflow();
        int head = (int) INT.get(kHead, 0L);
        // Acquire: pairs with the kernel's smp_store_release of cq.tail after it wrote the CQEs.
        int tail = (int) INT.getAcquire(kTail, 0L);
        int seen = head;
        try {
            while (seen != tail) {
                long at = (seen & ringMask) * CQE_SIZE;
                long userData = cqes.get(ValueLayout.JAVA_LONG, at + CQE_USER_DATA);
                int res = cqes.get(ValueLayout.JAVA_INT, at + CQE_RES);
                int flags = cqes.get(ValueLayout.JAVA_INT, at + CQE_FLAGS);
                seen++;
                handler.onCqe(userData, res, flags);
            }
        } finally {
            if (seen != head) {
                // Release: pairs with the control dependency in the kernel's io_get_cqe (it reads
                // cq.head before it fills a slot), so the CQE loads above come before a new CQE.
                INT.setRelease(kHead, 0L, seen);
            }
        }
        return seen - head;
    }

    /** Waits until at least {@code waitNr} CQEs are ready (also runs deferred task work). */
    public void waitCqes(int waitNr) {
        ringFd.enter(0, waitNr, IORING_ENTER_GETEVENTS);
    }

    /** Times the kernel had to keep completions back because the CQ was full (then flushed). */
    public long overflowFlushes() {
        return overflowFlushes;
    }

    /**
     * With FEAT_NODROP the kernel parks completions that did not fit and raises SQ_CQ_OVERFLOW;
     * they come back only through an enter with GETEVENTS. A rise of the CQ ring's overflow
     * counter means completions were lost for good: that is an error, never ignored.
     */
    private void checkOverflow() {
        // Acquire for both kernel-written words: no kernel barrier pairs with them (cq.overflow is
        // bumped with WRITE_ONCE, the flag set with atomic_or); it keeps each read fresh and
        // before the CQE reads that follow.
        int dropped = (int) INT.getAcquire(kOverflow, 0L);
        if (dropped != lastOverflowCount) {
            int lost = dropped - lastOverflowCount;
            lastOverflowCount = dropped;
            throw new IllegalStateException("io_uring CQ overflow: " + lost + " completions lost (CQ has "
                    + entries + " entries); keep fewer requests in flight or use a larger CQ");
        }
        if (((int) INT.getAcquire(kSqFlags, 0L) & IORING_SQ_CQ_OVERFLOW) != 0 && ready() == 0) {
            overflowFlushes++;
            ringFd.enter(0, 0, IORING_ENTER_GETEVENTS);
        }
    }
}

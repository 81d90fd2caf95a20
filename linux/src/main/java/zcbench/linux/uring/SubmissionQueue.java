package zcbench.linux.uring;

import static zcbench.linux.net.Structs.offset;
import static zcbench.linux.uring.IoUringConstants.IORING_ENTER_EXT_ARG;
import static zcbench.linux.uring.IoUringConstants.IORING_ENTER_GETEVENTS;
import static zcbench.linux.uring.IoUringConstants.IORING_FEAT_EXT_ARG;
import static zcbench.linux.uring.IoUringConstants.IORING_OP_NOP;
import static zcbench.linux.uring.IoUringConstants.IORING_OP_SEND;
import static zcbench.linux.uring.IoUringConstants.IORING_OP_SENDMSG_ZC;
import static zcbench.linux.uring.IoUringConstants.IORING_OP_SEND_ZC;
import static zcbench.linux.uring.IoUringConstants.IORING_RECVSEND_FIXED_BUF;
import static zcbench.linux.uring.IoUringConstants.IOSQE_FIXED_FILE;
import static zcbench.linux.uring.IoUringConstants.IOSQE_IO_LINK;
import static zcbench.linux.uring.UringStructs.IO_URING_GETEVENTS_ARG;
import static zcbench.linux.uring.UringStructs.IO_URING_SQE;
import static zcbench.linux.uring.UringStructs.KERNEL_TIMESPEC;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

import zcbench.linux.Errno;
import zcbench.linux.LinuxException;

/**
 * The submission queue: SQEs written in place in the shared SQE array, and the ring's tail, which
 * the kernel reads to find them. Not thread-safe: one thread submits (which is what
 * IORING_SETUP_SINGLE_ISSUER promises the kernel).
 */
public final class SubmissionQueue implements AutoCloseable {
    private static final VarHandle INT = ValueLayout.JAVA_INT.varHandle();
    private static final long SQE_SIZE = IO_URING_SQE.byteSize();
    private static final long SQE_OPCODE = offset(IO_URING_SQE, "opcode");
    private static final long SQE_FLAGS = offset(IO_URING_SQE, "flags");
    private static final long SQE_IOPRIO = offset(IO_URING_SQE, "ioprio");
    private static final long SQE_FD = offset(IO_URING_SQE, "fd");
    private static final long SQE_OFF = offset(IO_URING_SQE, "off");
    private static final long SQE_ADDR = offset(IO_URING_SQE, "addr");
    private static final long SQE_LEN = offset(IO_URING_SQE, "len");
    private static final long SQE_MSG_FLAGS = offset(IO_URING_SQE, "msg_flags");
    private static final long SQE_USER_DATA = offset(IO_URING_SQE, "user_data");
    private static final long SQE_BUF_INDEX = offset(IO_URING_SQE, "buf_index");
    private static final long SQE_PERSONALITY = offset(IO_URING_SQE, "personality");
    private static final long SQE_FILE_INDEX = offset(IO_URING_SQE, "file_index");
    private static final long SQE_ADDR3 = offset(IO_URING_SQE, "addr3");
    private static final long SQE_PAD2 = offset(IO_URING_SQE, "__pad2");
    private static final ValueLayout.OfLong WORD = ValueLayout.JAVA_LONG;

    static {
        // writeSqe packs the fields into words at these offsets, least significant byte first.
        if (ByteOrder.nativeOrder() != ByteOrder.LITTLE_ENDIAN || SQE_SIZE != 64
                || SQE_OPCODE != 0 || SQE_FLAGS != 1 || SQE_IOPRIO != 2 || SQE_FD != 4 || SQE_OFF != 8
                || SQE_ADDR != 16 || SQE_LEN != 24 || SQE_MSG_FLAGS != 28 || SQE_USER_DATA != 32
                || SQE_BUF_INDEX != 40 || SQE_PERSONALITY != 42 || SQE_FILE_INDEX != 44 || SQE_ADDR3 != 48
                || SQE_PAD2 != 56) {
            throw new IllegalStateException("struct io_uring_sqe is not laid out as SubmissionQueue packs it");
        }
    }

    private final RingFd ringFd;
    /** sq.head, which the kernel moves past the SQEs it has consumed. */
    private final MemorySegment kHead;
    /** sq.tail, which only this queue moves, to publish SQEs. */
    private final MemorySegment kTail;
    private final MemorySegment sqes;
    private final int ringMask;
    private final int entries;
    private final boolean extArg;
    private final Arena arena = Arena.ofConfined();
    private final MemorySegment getEventsArg = arena.allocate(IO_URING_GETEVENTS_ARG);
    private final MemorySegment timespec = arena.allocate(KERNEL_TIMESPEC);
    /** Next SQE to hand out, ahead of kTail until {@link #submit} publishes it. */
    private int sqeTail;

    SubmissionQueue(RingFd ringFd, RingMapping mapping, RingParams params) {
        this.ringFd = ringFd;
        MemorySegment sqRing = mapping.sqRing();
        this.kHead = sqRing.asSlice(params.sqHead(), Integer.BYTES);
        this.kTail = sqRing.asSlice(params.sqTail(), Integer.BYTES);
        this.sqes = mapping.sqes();
        this.ringMask = sqRing.get(ValueLayout.JAVA_INT, params.sqRingMask());
        this.entries = params.sqEntries();
        this.extArg = params.hasFeature(IORING_FEAT_EXT_ARG);
        getEventsArg.set(ValueLayout.JAVA_LONG, offset(IO_URING_GETEVENTS_ARG, "ts"), timespec.address());
        // The SQ array maps ring slots to SQE indexes; an identity map, written once, lets the
        // SQE at slot (tail & mask) be filled in place, as liburing does.
        for (int i = 0; i < entries; i++) {
            sqRing.set(ValueLayout.JAVA_INT, params.sqArray() + (long) i * Integer.BYTES, i);
        }
        // Plain: the kernel never writes sq.tail.
        this.sqeTail = (int) INT.get(kTail, 0L);
    }

    /** Free SQEs. */
    public int space() {
        return entries - pending();
    }

    /** SQEs written but not yet consumed by the kernel. */
    public int pending() {
        // Acquire: pairs with the kernel's smp_store_release of sq.head once it has read the SQEs
        // before it, so that none of them is written over while the kernel may still read it.
        return sqeTail - (int) INT.getAcquire(kHead, 0L);
    }

    /** SQEs written since the last submission: what {@link #linkLast} may still change. */
    public int unsubmitted() {
        // Plain: the kernel never writes sq.tail.
        return sqeTail - (int) INT.get(kTail, 0L);
    }

    /** Byte offset of the next SQE, filled in place; the SQ must have room. */
    private long nextSqe() {
        if (space() <= 0) {
            throw new IllegalStateException("submission queue full (" + entries + " entries): submit first");
        }
        long at = (sqeTail & ringMask) * SQE_SIZE;
        sqeTail++;
        return at;
    }

    /**
     * Writes every field, so that nothing of the SQE's previous use survives, as the SQE's eight
     * 8-byte words: eight checked stores where one per field would be fourteen, a share of a
     * packet's time at batch 1 (docs/ARCHITECTURE.md, "What a packet costs in user space"). The
     * words follow {@link UringStructs#IO_URING_SQE}'s offsets, which the class checks as it loads,
     * in the machine's byte order, little-endian on every architecture zcbench runs on.
     */
    private void writeSqe(long at, int opcode, int flags, int ioprio, int fd, long off, long addr, int len,
                          int msgFlags, long userData, int bufIndex) {
        sqes.set(WORD, at + SQE_OPCODE,
                (opcode & 0xffL) | (flags & 0xffL) << 8 | (ioprio & 0xffffL) << 16 | (long) fd << 32);
        sqes.set(WORD, at + SQE_OFF, off);
        sqes.set(WORD, at + SQE_ADDR, addr);
        sqes.set(WORD, at + SQE_LEN, (len & 0xffffffffL) | (long) msgFlags << 32);
        sqes.set(WORD, at + SQE_USER_DATA, userData);
        // buf_index; personality and file_index stay 0.
        sqes.set(WORD, at + SQE_BUF_INDEX, bufIndex & 0xffffL);
        sqes.set(WORD, at + SQE_ADDR3, 0L);
        sqes.set(WORD, at + SQE_PAD2, 0L);
    }

    public void prepNop(long userData) {
        writeSqe(nextSqe(), IORING_OP_NOP, 0, 0, -1, 0, 0, 0, 0, userData, 0);
    }

    /** IORING_OP_SEND on {@code fd}, a registered file index when {@code fixedFile}. */
    public void prepSend(int fd, boolean fixedFile, MemorySegment buf, int len, int msgFlags, long userData) {
        writeSqe(nextSqe(), IORING_OP_SEND, fixedFile ? IOSQE_FIXED_FILE : 0, 0, fd, 0, buf.address(), len,
                msgFlags, userData, 0);
    }

    /**
     * IORING_OP_SEND_ZC. {@code zcFlags} go to sqe->ioprio (IORING_RECVSEND_*,
     * IORING_SEND_ZC_REPORT_USAGE, IORING_SEND_VECTORIZED); with IORING_RECVSEND_FIXED_BUF, {@code buf}
     * must lie inside registered buffer {@code bufIndex}. With IORING_SEND_VECTORIZED {@code buf} is an
     * iovec array and {@code len} its number of entries.
     */
    public void prepSendZc(int fd, boolean fixedFile, MemorySegment buf, int len, int msgFlags, int zcFlags,
                           int bufIndex, long userData) {
        writeSqe(nextSqe(), IORING_OP_SEND_ZC, fixedFile ? IOSQE_FIXED_FILE : 0, zcFlags, fd, 0, buf.address(),
                len, msgFlags, userData, fixedBufIndex(zcFlags, bufIndex));
    }

    /**
     * IORING_OP_SENDMSG_ZC with a caller-owned msghdr (liburing's io_uring_prep_sendmsg_zc, and
     * io_uring_prep_sendmsg_zc_fixed with IORING_RECVSEND_FIXED_BUF in {@code zcFlags}: then every
     * iovec must lie inside registered buffer {@code bufIndex}, which goes to sqe->buf_index).
     */
    public void prepSendmsgZc(int fd, boolean fixedFile, MemorySegment msghdr, int msgFlags, int zcFlags,
                              int bufIndex, long userData) {
        writeSqe(nextSqe(), IORING_OP_SENDMSG_ZC, fixedFile ? IOSQE_FIXED_FILE : 0, zcFlags, fd, 0,
                msghdr.address(), 1, msgFlags, userData, fixedBufIndex(zcFlags, bufIndex));
    }

    private static int fixedBufIndex(int zcFlags, int bufIndex) {
        return (zcFlags & IORING_RECVSEND_FIXED_BUF) != 0 ? bufIndex : 0;
    }

    /**
     * Links the SQE written last to the next one (IOSQE_IO_LINK), so that the kernel starts the next
     * only after it completed. Only an SQE not yet submitted can be linked: a chain ends with the
     * SQEs of one submission, its last one unlinked.
     */
    public void linkLast() {
        if (unsubmitted() == 0) {
            throw new IllegalStateException("no SQE written since the last submission to link");
        }
        long at = ((sqeTail - 1) & ringMask) * SQE_SIZE;
        sqes.set(ValueLayout.JAVA_BYTE, at + SQE_FLAGS, (byte) (sqes.get(ValueLayout.JAVA_BYTE, at + SQE_FLAGS)
                | IOSQE_IO_LINK));
    }

    /** Makes the written SQEs visible to the kernel. */
    private void publish() {
        // Release: pairs with the kernel's smp_load_acquire of sq.tail, so that it reads the SQE
        // contents written before the new tail, never older ones.
        INT.setRelease(kTail, 0L, sqeTail);
    }

    public int submit() {
        return submitAndWait(0);
    }

    /**
     * Publishes the written SQEs and enters the kernel once: submits them and, when
     * {@code waitNr > 0}, waits until at least that many CQEs are ready. Returns how many SQEs
     * the kernel consumed.
     */
    public int submitAndWait(int waitNr) {
        publish();
        int toSubmit = pending();
        if (toSubmit == 0 && waitNr == 0) {
            return 0;
        }
        return ringFd.enter(toSubmit, waitNr, waitNr > 0 ? IORING_ENTER_GETEVENTS : 0);
    }

    /**
     * Publishes and submits the written SQEs, then waits up to {@code timeoutNanos} for
     * {@code waitNr} CQEs (IORING_ENTER_EXT_ARG). Returns false when the time ran out.
     */
    public boolean submitAndWait(int waitNr, long timeoutNanos) {
        if (!extArg) {
            throw new IllegalStateException("io_uring: this kernel lacks IORING_FEAT_EXT_ARG (Linux 5.11+),"
                    + " needed for a wait with a time limit");
        }
        publish();
        timespec.set(ValueLayout.JAVA_LONG, 0, timeoutNanos / 1_000_000_000L);
        timespec.set(ValueLayout.JAVA_LONG, 8, timeoutNanos % 1_000_000_000L);
        long rc = ringFd.enter(pending(), waitNr, IORING_ENTER_GETEVENTS | IORING_ENTER_EXT_ARG,
                getEventsArg.address(), getEventsArg.byteSize());
        if (rc == -Errno.ETIME) {
            return false;
        }
        if (rc < 0) {
            throw new LinuxException("io_uring_enter(min_complete " + waitNr + ", timeout)", (int) -rc);
        }
        return true;
    }

    @Override
    public void close() {
        arena.close();
    }
}

package zcbench.linux.uring;

import static zcbench.linux.uring.IoUringConstants.IORING_ENTER_EXT_ARG;
import static zcbench.linux.uring.IoUringConstants.IORING_ENTER_GETEVENTS;
import static zcbench.linux.uring.IoUringConstants.IORING_ENTER_REGISTERED_RING;
import static zcbench.linux.uring.IoUringConstants.IORING_FEAT_SINGLE_MMAP;
import static zcbench.linux.uring.IoUringConstants.IORING_OFF_CQ_RING;
import static zcbench.linux.uring.IoUringConstants.IORING_OFF_SQES;
import static zcbench.linux.uring.IoUringConstants.IORING_OFF_SQ_RING;
import static zcbench.linux.uring.IoUringConstants.IORING_OP_NOP;
import static zcbench.linux.uring.IoUringConstants.IORING_OP_SEND;
import static zcbench.linux.uring.IoUringConstants.IORING_OP_SENDMSG_ZC;
import static zcbench.linux.uring.IoUringConstants.IORING_OP_SEND_ZC;
import static zcbench.linux.uring.IoUringConstants.IORING_RECVSEND_FIXED_BUF;
import static zcbench.linux.uring.IoUringConstants.IORING_REGISTER_BUFFERS;
import static zcbench.linux.uring.IoUringConstants.IORING_REGISTER_FILES;
import static zcbench.linux.uring.IoUringConstants.IORING_REGISTER_PROBE;
import static zcbench.linux.uring.IoUringConstants.IORING_REGISTER_RING_FDS;
import static zcbench.linux.uring.IoUringConstants.IORING_SQ_CQ_OVERFLOW;
import static zcbench.linux.uring.IoUringConstants.IORING_UNREGISTER_BUFFERS;
import static zcbench.linux.uring.IoUringConstants.IORING_UNREGISTER_FILES;
import static zcbench.linux.uring.IoUringConstants.IORING_UNREGISTER_RING_FDS;
import static zcbench.linux.uring.IoUringConstants.IOSQE_FIXED_FILE;
import static zcbench.linux.uring.UringStructs.IO_URING_CQE;
import static zcbench.linux.uring.UringStructs.IO_URING_PARAMS;
import static zcbench.linux.uring.UringStructs.IO_URING_PROBE;
import static zcbench.linux.uring.UringStructs.IO_URING_PROBE_OP;
import static zcbench.linux.uring.UringStructs.IO_URING_RSRC_UPDATE;
import static zcbench.linux.uring.UringStructs.IO_URING_SQE;
import static zcbench.linux.net.Structs.offset;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.VarHandle;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

import zcbench.linux.Errno;
import zcbench.linux.Libc;
import zcbench.linux.LinuxException;
import zcbench.linux.Teardown;
import zcbench.linux.net.Structs;

/**
 * One io_uring instance on raw syscalls: setup, the mmapped SQ and CQ rings and SQE array,
 * submission, completion reaping and registration. Not thread-safe: one thread submits and reaps
 * (which is what IORING_SETUP_SINGLE_ISSUER promises the kernel).
 *
 * <p>{@link #close()} unregisters, unmaps and closes everything this ring made, also when setup
 * failed half-way.
 */
public final class IoUring implements AutoCloseable {
    private static final VarHandle INT = ValueLayout.JAVA_INT.varHandle();
    private static final long SQE_SIZE = IO_URING_SQE.byteSize();
    private static final long CQE_SIZE = IO_URING_CQE.byteSize();
    private static final int MMAP_PROT = 0x1 | 0x2;          // PROT_READ | PROT_WRITE
    private static final int MMAP_FLAGS = 0x01 | 0x8000;     // MAP_SHARED | MAP_POPULATE

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
    private static final long CQE_USER_DATA = offset(IO_URING_CQE, "user_data");
    private static final long CQE_RES = offset(IO_URING_CQE, "res");
    private static final long CQE_FLAGS = offset(IO_URING_CQE, "flags");

    private final Arena arena = Arena.ofConfined();
    private final int ringFd;
    private final int setupFlags;
    private final int features;
    private final int sqEntries;
    private final int cqEntries;
    private final List<MemorySegment> mappings = new ArrayList<>(3);
    private final MemorySegment getEventsArg = arena.allocate(UringStructs.IO_URING_GETEVENTS_ARG);
    private final MemorySegment timespec = arena.allocate(UringStructs.KERNEL_TIMESPEC);

    private MemorySegment sqRing;
    private MemorySegment cqRing;
    private MemorySegment sqes;
    private long sqHead;
    private long sqTail;
    private int sqMask;
    private long sqFlags;
    private long cqHead;
    private long cqTail;
    private int cqMask;
    private long cqOverflow;
    private long cqes;

    /** Next SQE to hand out; published to the kernel by {@link #submit}. */
    private int sqeTail;
    private int enterFd;
    private int enterFlags;
    private int registeredRingIndex = -1;
    private boolean buffersRegistered;
    private boolean filesRegistered;
    private long enters;
    private long overflowFlushes;
    private int lastOverflowCount;
    private boolean closed;

    private IoUring(int ringFd, MemorySegment params) {
        this.ringFd = ringFd;
        this.enterFd = ringFd;
        this.setupFlags = params.get(ValueLayout.JAVA_INT, offset(IO_URING_PARAMS, "flags"));
        this.features = params.get(ValueLayout.JAVA_INT, offset(IO_URING_PARAMS, "features"));
        this.sqEntries = params.get(ValueLayout.JAVA_INT, offset(IO_URING_PARAMS, "sq_entries"));
        this.cqEntries = params.get(ValueLayout.JAVA_INT, offset(IO_URING_PARAMS, "cq_entries"));
        getEventsArg.set(ValueLayout.JAVA_LONG, offset(UringStructs.IO_URING_GETEVENTS_ARG, "ts"), timespec.address());
    }

    /**
     * io_uring_setup with {@code entries} SQEs and the given IORING_SETUP_* flags; the kernel's
     * default CQ size (twice the SQ) unless {@code cqEntries} is positive.
     */
    public static IoUring open(int entries, int flags, int cqEntries) {
        MemorySegment params;
        try (Arena scratch = Arena.ofConfined()) {
            params = scratch.allocate(IO_URING_PARAMS);
            int setupFlags = flags;
            if (cqEntries > 0) {
                setupFlags |= IoUringConstants.IORING_SETUP_CQSIZE;
                params.set(ValueLayout.JAVA_INT, offset(IO_URING_PARAMS, "cq_entries"), cqEntries);
            }
            params.set(ValueLayout.JAVA_INT, offset(IO_URING_PARAMS, "flags"), setupFlags);
            long fd = Libc.syscall(Libc.SYS_io_uring_setup, entries, params.address(), 0L);
            if (fd < 0) {
                throw new LinuxException("io_uring_setup(" + entries + ", flags 0x" + Integer.toHexString(setupFlags) + ")",
                        (int) -fd);
            }
            IoUring ring = new IoUring((int) fd, params);
            try {
                ring.map(params);
            } catch (RuntimeException | Error e) {
                try {
                    ring.close();
                } catch (RuntimeException suppressed) {
                    e.addSuppressed(suppressed);
                }
                throw e;
            }
            return ring;
        }
    }

    public static IoUring open(int entries, int flags) {
        return open(entries, flags, 0);
    }

    private void map(MemorySegment p) {
        long sqOff = offset(IO_URING_PARAMS, "sq_off");
        long cqOff = offset(IO_URING_PARAMS, "cq_off");
        long sqArray = p.get(ValueLayout.JAVA_INT, sqOff + offset(UringStructs.IO_SQRING_OFFSETS, "array"));
        long cqesOff = p.get(ValueLayout.JAVA_INT, cqOff + offset(UringStructs.IO_CQRING_OFFSETS, "cqes"));
        long sqSize = sqArray + (long) sqEntries * Integer.BYTES;
        long cqSize = cqesOff + (long) cqEntries * CQE_SIZE;
        boolean single = (features & IORING_FEAT_SINGLE_MMAP) != 0;
        if (single) {
            sqSize = Math.max(sqSize, cqSize);
            cqSize = sqSize;
        }
        sqRing = mapRegion(sqSize, IORING_OFF_SQ_RING);
        cqRing = single ? sqRing : mapRegion(cqSize, IORING_OFF_CQ_RING);
        sqes = mapRegion(sqEntries * SQE_SIZE, IORING_OFF_SQES);

        sqHead = p.get(ValueLayout.JAVA_INT, sqOff + offset(UringStructs.IO_SQRING_OFFSETS, "head"));
        sqTail = p.get(ValueLayout.JAVA_INT, sqOff + offset(UringStructs.IO_SQRING_OFFSETS, "tail"));
        sqMask = sqRing.get(ValueLayout.JAVA_INT,
                p.get(ValueLayout.JAVA_INT, sqOff + offset(UringStructs.IO_SQRING_OFFSETS, "ring_mask")));
        sqFlags = p.get(ValueLayout.JAVA_INT, sqOff + offset(UringStructs.IO_SQRING_OFFSETS, "flags"));
        cqHead = p.get(ValueLayout.JAVA_INT, cqOff + offset(UringStructs.IO_CQRING_OFFSETS, "head"));
        cqTail = p.get(ValueLayout.JAVA_INT, cqOff + offset(UringStructs.IO_CQRING_OFFSETS, "tail"));
        cqMask = cqRing.get(ValueLayout.JAVA_INT,
                p.get(ValueLayout.JAVA_INT, cqOff + offset(UringStructs.IO_CQRING_OFFSETS, "ring_mask")));
        cqOverflow = p.get(ValueLayout.JAVA_INT, cqOff + offset(UringStructs.IO_CQRING_OFFSETS, "overflow"));
        cqes = cqesOff;
        // The SQ array maps ring slots to SQE indexes; an identity map, written once, lets the
        // SQE at slot (tail & mask) be filled in place, as liburing does.
        for (int i = 0; i < sqEntries; i++) {
            sqRing.set(ValueLayout.JAVA_INT, sqArray + (long) i * Integer.BYTES, i);
        }
        sqeTail = (int) INT.getAcquire(sqRing, sqTail);
    }

    private MemorySegment mapRegion(long size, long offset) {
        MemorySegment m = Libc.mmap(size, MMAP_PROT, MMAP_FLAGS, ringFd, offset);
        mappings.add(m);
        return m;
    }

    public int fd() {
        return ringFd;
    }

    public int setupFlags() {
        return setupFlags;
    }

    public int features() {
        return features;
    }

    /** Whether the kernel reported an IORING_FEAT_* bit at setup. */
    public boolean hasFeature(int feature) {
        return (features & feature) == feature;
    }

    public int sqEntries() {
        return sqEntries;
    }

    public int cqEntries() {
        return cqEntries;
    }

    /** io_uring_enter calls made so far, by every method of this ring. */
    public long enters() {
        return enters;
    }

    /** Times the kernel had to keep completions back because the CQ was full (then flushed). */
    public long overflowFlushes() {
        return overflowFlushes;
    }

    // ---- submission ------------------------------------------------------------------------

    /** Free SQEs: the kernel consumes up to its head, which it publishes with a release store. */
    public int sqSpace() {
        int head = (int) INT.getAcquire(sqRing, sqHead);
        return sqEntries - (sqeTail - head);
    }

    /** Byte offset of the next SQE, filled in place, or -1 when the SQ is full. */
    private long nextSqe() {
        if (sqSpace() <= 0) {
            return -1;
        }
        long at = (sqeTail & sqMask) * SQE_SIZE;
        sqeTail++;
        return at;
    }

    private long sqeOrThrow() {
        long at = nextSqe();
        if (at < 0) {
            throw new IllegalStateException("submission queue full (" + sqEntries + " entries): submit first");
        }
        return at;
    }

    /** Writes every field, so that nothing of the SQE's previous use survives. */
    private void writeSqe(long at, int opcode, int flags, int ioprio, int fd, long off, long addr, int len,
                          int msgFlags, long userData, int bufIndex) {
        sqes.set(ValueLayout.JAVA_BYTE, at + SQE_OPCODE, (byte) opcode);
        sqes.set(ValueLayout.JAVA_BYTE, at + SQE_FLAGS, (byte) flags);
        sqes.set(ValueLayout.JAVA_SHORT, at + SQE_IOPRIO, (short) ioprio);
        sqes.set(ValueLayout.JAVA_INT, at + SQE_FD, fd);
        sqes.set(ValueLayout.JAVA_LONG, at + SQE_OFF, off);
        sqes.set(ValueLayout.JAVA_LONG, at + SQE_ADDR, addr);
        sqes.set(ValueLayout.JAVA_INT, at + SQE_LEN, len);
        sqes.set(ValueLayout.JAVA_INT, at + SQE_MSG_FLAGS, msgFlags);
        sqes.set(ValueLayout.JAVA_LONG, at + SQE_USER_DATA, userData);
        sqes.set(ValueLayout.JAVA_SHORT, at + SQE_BUF_INDEX, (short) bufIndex);
        sqes.set(ValueLayout.JAVA_SHORT, at + SQE_PERSONALITY, (short) 0);
        sqes.set(ValueLayout.JAVA_INT, at + SQE_FILE_INDEX, 0);
        sqes.set(ValueLayout.JAVA_LONG, at + SQE_ADDR3, 0L);
        sqes.set(ValueLayout.JAVA_LONG, at + SQE_PAD2, 0L);
    }

    public void prepNop(long userData) {
        writeSqe(sqeOrThrow(), IORING_OP_NOP, 0, 0, -1, 0, 0, 0, 0, userData, 0);
    }

    /**
     * IORING_OP_SEND on {@code fd}, a registered file index when {@code fixedFile}.
     */
    public void prepSend(int fd, boolean fixedFile, MemorySegment buf, int len, int msgFlags, long userData) {
        writeSqe(sqeOrThrow(), IORING_OP_SEND, fixedFile ? IOSQE_FIXED_FILE : 0, 0, fd, 0, buf.address(), len,
                msgFlags, userData, 0);
    }

    /**
     * IORING_OP_SEND_ZC. {@code zcFlags} go to sqe->ioprio (IORING_RECVSEND_*,
     * IORING_SEND_ZC_REPORT_USAGE); with IORING_RECVSEND_FIXED_BUF, {@code buf} must lie inside
     * registered buffer {@code bufIndex}.
     */
    public void prepSendZc(int fd, boolean fixedFile, MemorySegment buf, int len, int msgFlags, int zcFlags,
                           int bufIndex, long userData) {
        writeSqe(sqeOrThrow(), IORING_OP_SEND_ZC, fixedFile ? IOSQE_FIXED_FILE : 0, zcFlags, fd, 0, buf.address(),
                len, msgFlags, userData, (zcFlags & IORING_RECVSEND_FIXED_BUF) != 0 ? bufIndex : 0);
    }

    /** IORING_OP_SENDMSG_ZC with a caller-owned msghdr that must stay valid until the send's CQE. */
    public void prepSendmsgZc(int fd, boolean fixedFile, MemorySegment msghdr, int msgFlags, int zcFlags,
                              long userData) {
        writeSqe(sqeOrThrow(), IORING_OP_SENDMSG_ZC, fixedFile ? IOSQE_FIXED_FILE : 0, zcFlags, fd, 0,
                msghdr.address(), 1, msgFlags, userData, 0);
    }

    /** SQEs written but not yet consumed by the kernel. */
    public int pending() {
        return sqeTail - (int) INT.getAcquire(sqRing, sqHead);
    }

    /**
     * Publishes the written SQEs and enters the kernel once: submits them and, when
     * {@code waitNr > 0}, waits until at least that many CQEs are ready. Returns how many SQEs
     * the kernel consumed.
     */
    public int submitAndWait(int waitNr) {
        // Release: the SQE contents must be visible before the kernel sees the new tail.
        INT.setRelease(sqRing, sqTail, sqeTail);
        int toSubmit = pending();
        if (toSubmit == 0 && waitNr == 0) {
            return 0;
        }
        return enter(toSubmit, waitNr, waitNr > 0 ? IORING_ENTER_GETEVENTS : 0);
    }

    public int submit() {
        return submitAndWait(0);
    }

    /** Waits until at least {@code waitNr} CQEs are ready (also runs deferred task work). */
    public void waitCqes(int waitNr) {
        enter(0, waitNr, IORING_ENTER_GETEVENTS);
    }

    /**
     * Publishes and submits the written SQEs, then waits up to {@code timeoutNanos} for
     * {@code waitNr} CQEs (IORING_ENTER_EXT_ARG). Returns false when the time ran out.
     */
    public boolean submitAndWait(int waitNr, long timeoutNanos) {
        if ((features & IoUringConstants.IORING_FEAT_EXT_ARG) == 0) {
            throw new IllegalStateException("io_uring: this kernel lacks IORING_FEAT_EXT_ARG (Linux 5.11+),"
                    + " needed for a wait with a time limit");
        }
        INT.setRelease(sqRing, sqTail, sqeTail);
        timespec.set(ValueLayout.JAVA_LONG, 0, timeoutNanos / 1_000_000_000L);
        timespec.set(ValueLayout.JAVA_LONG, 8, timeoutNanos % 1_000_000_000L);
        long rc = enterRaw(pending(), waitNr, IORING_ENTER_GETEVENTS | IORING_ENTER_EXT_ARG,
                getEventsArg.address(), getEventsArg.byteSize());
        if (rc == -Errno.ETIME) {
            return false;
        }
        if (rc < 0) {
            throw new LinuxException("io_uring_enter(min_complete " + waitNr + ", timeout)", (int) -rc);
        }
        return true;
    }

    private int enter(int toSubmit, int minComplete, int flags) {
        return (int) enterRaw(toSubmit, minComplete, flags, 0L, 0L);
    }

    private long enterRaw(int toSubmit, int minComplete, int flags, long arg, long argSize) {
        while (true) {
            enters++;
            // Without GETEVENTS the kernel only submits: sends are issued without waiting (a socket
            // that is not ready gets a poll armed), so the call cannot block.
            long rc = (flags & IORING_ENTER_GETEVENTS) == 0
                    ? Libc.syscallNonBlocking(Libc.SYS_io_uring_enter, enterFd, toSubmit, minComplete,
                            flags | enterFlags, arg, argSize)
                    : Libc.syscall(Libc.SYS_io_uring_enter, enterFd, toSubmit, minComplete, flags | enterFlags, arg,
                            argSize);
            if (rc >= 0 || (flags & IORING_ENTER_EXT_ARG) != 0 && rc == -Errno.ETIME) {
                return rc;
            }
            if (rc != -Errno.EINTR) {
                throw new LinuxException("io_uring_enter(to_submit " + toSubmit + ", min_complete " + minComplete + ")",
                        (int) -rc);
            }
        }
    }

    // ---- completion ------------------------------------------------------------------------

    /** CQEs ready to be reaped. */
    public int cqReady() {
        return (int) INT.getAcquire(cqRing, cqTail) - (int) INT.get(cqRing, cqHead);
    }

    /**
     * Hands every ready CQE to {@code handler} and returns how many there were. The head is
     * stored once for the whole batch, with release semantics, after the CQEs have been read:
     * the kernel may overwrite a CQE as soon as it sees the head move past it.
     */
    public int reap(CqeHandler handler) {
        checkOverflow();
        int head = (int) INT.get(cqRing, cqHead);
        // Acquire: pairs with the kernel's release store of the tail after it wrote the CQEs.
        int tail = (int) INT.getAcquire(cqRing, cqTail);
        int seen = head;
        try {
            while (seen != tail) {
                long at = cqes + (seen & cqMask) * CQE_SIZE;
                long userData = cqRing.get(ValueLayout.JAVA_LONG, at + CQE_USER_DATA);
                int res = cqRing.get(ValueLayout.JAVA_INT, at + CQE_RES);
                int flags = cqRing.get(ValueLayout.JAVA_INT, at + CQE_FLAGS);
                seen++;
                handler.onCqe(userData, res, flags);
            }
        } finally {
            if (seen != head) {
                INT.setRelease(cqRing, cqHead, seen);
            }
        }
        return seen - head;
    }

    /**
     * With FEAT_NODROP the kernel parks completions that did not fit and raises SQ_CQ_OVERFLOW;
     * they come back only through an enter with GETEVENTS. A rise of the CQ ring's overflow
     * counter means completions were lost for good: that is an error, never ignored.
     */
    private void checkOverflow() {
        int dropped = (int) INT.getAcquire(cqRing, cqOverflow);
        if (dropped != lastOverflowCount) {
            int lost = dropped - lastOverflowCount;
            lastOverflowCount = dropped;
            throw new IllegalStateException("io_uring CQ overflow: " + lost + " completions lost (CQ has "
                    + cqEntries + " entries); keep fewer requests in flight or use a larger CQ");
        }
        if (((int) INT.getAcquire(sqRing, sqFlags) & IORING_SQ_CQ_OVERFLOW) != 0 && cqReady() == 0) {
            overflowFlushes++;
            enter(0, 0, IORING_ENTER_GETEVENTS);
        }
    }

    // ---- registration ----------------------------------------------------------------------

    /** IORING_REGISTER_BUFFERS; the caller keeps owning the memory and must outlive the ring's use of it. */
    public void registerBuffers(MemorySegment... buffers) {
        try (Arena scratch = Arena.ofConfined()) {
            MemorySegment iovecs = scratch.allocate(Structs.IOVEC, buffers.length);
            for (int i = 0; i < buffers.length; i++) {
                long at = i * Structs.IOVEC.byteSize();
                iovecs.set(ValueLayout.ADDRESS, at + Structs.offset(Structs.IOVEC, "iov_base"), buffers[i]);
                iovecs.set(ValueLayout.JAVA_LONG, at + Structs.offset(Structs.IOVEC, "iov_len"), buffers[i].byteSize());
            }
            register("io_uring_register(IORING_REGISTER_BUFFERS, " + buffers.length + ")",
                    IORING_REGISTER_BUFFERS, iovecs, buffers.length);
            buffersRegistered = true;
        }
    }

    public void unregisterBuffers() {
        if (buffersRegistered) {
            buffersRegistered = false;
            register("io_uring_register(IORING_UNREGISTER_BUFFERS)", IORING_UNREGISTER_BUFFERS, MemorySegment.NULL, 0);
        }
    }

    /** IORING_REGISTER_FILES: afterwards file {@code fds[i]} is fixed file index {@code i}. */
    public void registerFiles(int... fds) {
        try (Arena scratch = Arena.ofConfined()) {
            MemorySegment table = scratch.allocateFrom(ValueLayout.JAVA_INT, fds);
            register("io_uring_register(IORING_REGISTER_FILES, " + fds.length + ")", IORING_REGISTER_FILES, table,
                    fds.length);
            filesRegistered = true;
        }
    }

    public void unregisterFiles() {
        if (filesRegistered) {
            filesRegistered = false;
            register("io_uring_register(IORING_UNREGISTER_FILES)", IORING_UNREGISTER_FILES, MemorySegment.NULL, 0);
        }
    }

    /**
     * IORING_REGISTER_RING_FDS: later enters pass the registered index and
     * IORING_ENTER_REGISTERED_RING, which spares the kernel an fdget per call.
     */
    public void registerRingFd() {
        if (registeredRingIndex >= 0) {
            return;
        }
        MemorySegment update = arena.allocate(IO_URING_RSRC_UPDATE);
        update.set(ValueLayout.JAVA_INT, offset(IO_URING_RSRC_UPDATE, "offset"), -1);
        update.set(ValueLayout.JAVA_LONG, offset(IO_URING_RSRC_UPDATE, "data"), ringFd);
        register("io_uring_register(IORING_REGISTER_RING_FDS)", IORING_REGISTER_RING_FDS, update, 1);
        registeredRingIndex = update.get(ValueLayout.JAVA_INT, offset(IO_URING_RSRC_UPDATE, "offset"));
        enterFd = registeredRingIndex;
        enterFlags = IORING_ENTER_REGISTERED_RING;
    }

    public void unregisterRingFd() {
        if (registeredRingIndex < 0) {
            return;
        }
        MemorySegment update = arena.allocate(IO_URING_RSRC_UPDATE);
        update.set(ValueLayout.JAVA_INT, offset(IO_URING_RSRC_UPDATE, "offset"), registeredRingIndex);
        enterFd = ringFd;
        enterFlags = 0;
        registeredRingIndex = -1;
        register("io_uring_register(IORING_UNREGISTER_RING_FDS)", IORING_UNREGISTER_RING_FDS, update, 1);
    }

    public boolean ringFdRegistered() {
        return registeredRingIndex >= 0;
    }

    /** IORING_REGISTER_PROBE: which opcodes this kernel supports. */
    public Probe probe() {
        int slots = 256;
        try (Arena scratch = Arena.ofConfined()) {
            MemorySegment probe = scratch.allocate(IO_URING_PROBE.byteSize() + slots * IO_URING_PROBE_OP.byteSize(), 8);
            register("io_uring_register(IORING_REGISTER_PROBE)", IORING_REGISTER_PROBE, probe, slots);
            int lastOp = Byte.toUnsignedInt(probe.get(ValueLayout.JAVA_BYTE, offset(IO_URING_PROBE, "last_op")));
            int opsLen = Byte.toUnsignedInt(probe.get(ValueLayout.JAVA_BYTE, offset(IO_URING_PROBE, "ops_len")));
            BitSet supported = new BitSet();
            for (int i = 0; i < opsLen; i++) {
                long at = IO_URING_PROBE.byteSize() + i * IO_URING_PROBE_OP.byteSize();
                int op = Byte.toUnsignedInt(probe.get(ValueLayout.JAVA_BYTE, at + offset(IO_URING_PROBE_OP, "op")));
                short flags = probe.get(ValueLayout.JAVA_SHORT, at + offset(IO_URING_PROBE_OP, "flags"));
                if ((flags & IoUringConstants.IO_URING_OP_SUPPORTED) != 0) {
                    supported.set(op);
                }
            }
            return new Probe(lastOp, supported);
        }
    }

    private void register(String call, int opcode, MemorySegment arg, int nrArgs) {
        long rc = Libc.syscall(Libc.SYS_io_uring_register, ringFd, opcode, arg.address(), nrArgs);
        if (rc < 0) {
            throw new LinuxException(call, (int) -rc);
        }
    }

    // ---- lifetime --------------------------------------------------------------------------

    /** Unregisters, unmaps and closes, each step attempted even when an earlier one failed. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        Teardown t = new Teardown()
                .step(this::unregisterRingFd)
                .step(this::unregisterBuffers)
                .step(this::unregisterFiles);
        for (MemorySegment m : mappings) {
            t.step(() -> Libc.check("munmap", Libc.munmap(m, m.byteSize())));
        }
        mappings.clear();
        t.step(() -> Libc.check("close(io_uring fd " + ringFd + ")", Libc.close(ringFd)))
                .close(arena)
                .done();
    }
}

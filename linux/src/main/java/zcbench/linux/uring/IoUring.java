package zcbench.linux.uring;

import static zcbench.linux.net.Structs.offset;
import static zcbench.linux.uring.IoUringConstants.IORING_SETUP_CQSIZE;
import static zcbench.linux.uring.UringStructs.IO_URING_PARAMS;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

import zcbench.linux.Teardown;

/**
 * One io_uring instance on raw syscalls, and the one owner of its parts: the descriptor and its
 * shared mappings, the {@link SubmissionQueue}, the {@link CompletionQueue} and the
 * {@link Registration} of files and buffers. Not thread-safe: one thread submits and reaps (which
 * is what IORING_SETUP_SINGLE_ISSUER promises the kernel).
 *
 * <p>{@link #close()} closes the parts in the reverse order of their making; a failed
 * {@link #open} closes what it had made.
 */
public final class IoUring implements AutoCloseable {
    private final RingFd ringFd;
    private final RingMapping mapping;
    private final SubmissionQueue sq;
    private final CompletionQueue cq;
    private final Registration registration;
    private final RingParams params;
    private boolean closed;

    private IoUring(RingFd ringFd, RingMapping mapping, SubmissionQueue sq, CompletionQueue cq, RingParams params) {
        this.ringFd = ringFd;
        this.mapping = mapping;
        this.sq = sq;
        this.cq = cq;
        this.registration = new Registration(ringFd);
        this.params = params;
    }

    /**
     * io_uring_setup with {@code entries} SQEs and the given IORING_SETUP_* flags; the kernel's
     * default CQ size (twice the SQ) unless {@code cqEntries} is positive.
     */
    public static IoUring open(int entries, int flags, int cqEntries) {
        RingFd ringFd;
        RingParams params;
        try (Arena scratch = Arena.ofConfined()) {
            MemorySegment p = scratch.allocate(IO_URING_PARAMS);
            int setupFlags = flags;
            if (cqEntries > 0) {
                setupFlags |= IORING_SETUP_CQSIZE;
                p.set(ValueLayout.JAVA_INT, offset(IO_URING_PARAMS, "cq_entries"), cqEntries);
            }
            p.set(ValueLayout.JAVA_INT, offset(IO_URING_PARAMS, "flags"), setupFlags);
            ringFd = RingFd.setup(entries, setupFlags, p);
            params = RingParams.read(p);
        }
        RingMapping mapping = null;
        SubmissionQueue sq = null;
        try {
            mapping = RingMapping.map(ringFd.fd(), params);
            sq = new SubmissionQueue(ringFd, mapping, params);
            return new IoUring(ringFd, mapping, sq, new CompletionQueue(ringFd, mapping, params), params);
        } catch (RuntimeException | Error e) {
            new Teardown().close(sq).close(mapping).close(ringFd).doneAfter(e);
            throw e;
        }
    }

    public static IoUring open(int entries, int flags) {
        return open(entries, flags, 0);
    }

    public SubmissionQueue sq() {
        return sq;
    }

    public CompletionQueue cq() {
        return cq;
    }

    public Registration registration() {
        return registration;
    }

    /** The IORING_FEAT_* bits the kernel reported at set-up. */
    public int features() {
        return params.features();
    }

    public boolean hasFeature(int feature) {
        return params.hasFeature(feature);
    }

    /** IORING_REGISTER_PROBE: which opcodes this kernel supports. */
    public Probe probe() {
        return Probe.read(ringFd);
    }

    /** io_uring_enter calls made so far, by every part of this ring. */
    public long enters() {
        return ringFd.enters();
    }

    /**
     * IORING_REGISTER_RING_FDS: later enters pass the registered index and
     * IORING_ENTER_REGISTERED_RING, which spares the kernel an fdget per call.
     */
    public void registerRingFd() {
        ringFd.registerRingFd();
    }

    public void unregisterRingFd() {
        ringFd.unregisterRingFd();
    }

    public boolean ringFdRegistered() {
        return ringFd.ringFdRegistered();
    }

    /** Closes the parts in the reverse order of their making, each even when an earlier one failed. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        new Teardown().close(registration).close(sq).close(mapping).close(ringFd).done();
    }
}

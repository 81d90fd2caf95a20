package zcbench.linux.uring;

import static zcbench.linux.uring.IoUringConstants.IORING_ENTER_EXT_ARG;
import static zcbench.linux.uring.IoUringConstants.IORING_ENTER_GETEVENTS;
import static zcbench.linux.uring.IoUringConstants.IORING_ENTER_REGISTERED_RING;
import static zcbench.linux.uring.IoUringConstants.IORING_REGISTER_RING_FDS;
import static zcbench.linux.uring.IoUringConstants.IORING_UNREGISTER_RING_FDS;
import static zcbench.linux.uring.UringStructs.IO_URING_RSRC_UPDATE;
import static zcbench.linux.net.Structs.offset;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

import zcbench.linux.Errno;
import zcbench.linux.IoUringCalls;
import zcbench.linux.Libc;
import zcbench.linux.LinuxException;
import zcbench.linux.Teardown;

/**
 * The ring's descriptor, which io_uring_setup makes, and the two syscalls made on it:
 * io_uring_enter (through the registered index once {@link #registerRingFd} made one) and
 * io_uring_register. {@link #close()} gives the index back and closes the descriptor.
 */
final class RingFd implements AutoCloseable {
    private static final long RSRC_OFFSET = offset(IO_URING_RSRC_UPDATE, "offset");
    private static final long RSRC_DATA = offset(IO_URING_RSRC_UPDATE, "data");

    private final int fd;
    /** What io_uring_enter is given: the descriptor, or its registered index with REGISTERED_RING. */
    private int enterFd;
    private int enterFlags;
    private int registeredIndex = -1;
    private long enters;
    private boolean closed;
    /** errno of this ring's enters: a ring is entered from one thread at a time. */
    private final MemorySegment callState = IoUringCalls.newCallState();

    private RingFd(int fd) {
        this.fd = fd;
        this.enterFd = fd;
    }

    /** io_uring_setup with {@code flags} already in {@code params}, which the kernel fills in. */
    static RingFd setup(int entries, int flags, MemorySegment params) {
        long fd = IoUringCalls.setup(entries, params);
        if (fd < 0) {
            throw new LinuxException("io_uring_setup(" + entries + ", flags 0x" + Integer.toHexString(flags) + ")",
                    (int) -fd);
        }
        return new RingFd((int) fd);
    }

    int fd() {
        return fd;
    }

    /** io_uring_enter calls made so far, by every part of the ring. */
    long enters() {
        return enters;
    }

    int enter(int toSubmit, int minComplete, int flags) {
        return (int) enter(toSubmit, minComplete, flags, 0L, 0L);
    }

    /**
     * io_uring_enter, again after EINTR. With IORING_ENTER_EXT_ARG a time-out comes back as
     * -ETIME, for the caller to tell; every other failure throws.
     */
    long enter(int toSubmit, int minComplete, int flags, long arg, long argSize) {
        while (true) {
            enters++;
            long rc;
            // Without GETEVENTS the kernel only submits: sends are issued without waiting (a socket
            // that is not ready gets a poll armed), so the call cannot block. The fast form does not
            // read errno; a failure is made again with it (IoUringCalls.submit says why that is safe).
            if ((flags & IORING_ENTER_GETEVENTS) == 0 && arg == 0L && minComplete == 0) {
                rc = IoUringCalls.submit(enterFd, toSubmit, flags | enterFlags);
                if (rc == IoUringCalls.FAILED) {
                    enters++;
                    rc = IoUringCalls.enter(callState, enterFd, toSubmit, 0, flags | enterFlags, 0L, 0L);
                }
            } else {
                rc = IoUringCalls.enter(callState, enterFd, toSubmit, minComplete, flags | enterFlags, arg, argSize);
            }
            if (rc >= 0 || (flags & IORING_ENTER_EXT_ARG) != 0 && rc == -Errno.ETIME) {
                return rc;
            }
            if (rc != -Errno.EINTR) {
                throw new LinuxException("io_uring_enter(to_submit " + toSubmit + ", min_complete " + minComplete + ")",
                        (int) -rc);
            }
        }
    }

    /** io_uring_register; {@code call} names it in the exception when it fails. */
    void register(String call, int opcode, MemorySegment arg, int nrArgs) {
        LinuxException.check(call, IoUringCalls.register(fd, opcode, arg, nrArgs));
    }

    /**
     * IORING_REGISTER_RING_FDS: later enters pass the registered index and
     * IORING_ENTER_REGISTERED_RING, which spares the kernel an fdget per call.
     */
    void registerRingFd() {
        if (registeredIndex >= 0) {
            return;
        }
        try (Arena scratch = Arena.ofConfined()) {
            MemorySegment update = scratch.allocate(IO_URING_RSRC_UPDATE);
            update.set(ValueLayout.JAVA_INT, RSRC_OFFSET, -1);
            update.set(ValueLayout.JAVA_LONG, RSRC_DATA, fd);
            register("io_uring_register(IORING_REGISTER_RING_FDS)", IORING_REGISTER_RING_FDS, update, 1);
            registeredIndex = update.get(ValueLayout.JAVA_INT, RSRC_OFFSET);
        }
        enterFd = registeredIndex;
        enterFlags = IORING_ENTER_REGISTERED_RING;
    }

    void unregisterRingFd() {
        if (registeredIndex < 0) {
            return;
        }
        try (Arena scratch = Arena.ofConfined()) {
            MemorySegment update = scratch.allocate(IO_URING_RSRC_UPDATE);
            update.set(ValueLayout.JAVA_INT, RSRC_OFFSET, registeredIndex);
            enterFd = fd;
            enterFlags = 0;
            registeredIndex = -1;
            register("io_uring_register(IORING_UNREGISTER_RING_FDS)", IORING_UNREGISTER_RING_FDS, update, 1);
        }
    }

    boolean ringFdRegistered() {
        return registeredIndex >= 0;
    }

    /** Gives the registered index back, then closes the descriptor, the second even when the first failed. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        new Teardown()
                .step(this::unregisterRingFd)
                .step(() -> LinuxException.check("close(io_uring fd " + fd + ")", Libc.close(fd)))
                .done();
    }
}

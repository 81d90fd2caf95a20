package zcbench.linux.uring;

import static zcbench.linux.uring.IoUringConstants.IORING_REGISTER_BUFFERS;
import static zcbench.linux.uring.IoUringConstants.IORING_REGISTER_FILES;
import static zcbench.linux.uring.IoUringConstants.IORING_UNREGISTER_BUFFERS;
import static zcbench.linux.uring.IoUringConstants.IORING_UNREGISTER_FILES;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

import zcbench.linux.Teardown;
import zcbench.linux.net.Structs;

/**
 * The files and buffers registered with a ring (io_uring_register), which SQEs then name by index.
 * {@link #close()} unregisters what is registered.
 */
public final class Registration implements AutoCloseable {
    private static final long IOV_BASE = Structs.offset(Structs.IOVEC, "iov_base");
    private static final long IOV_LEN = Structs.offset(Structs.IOVEC, "iov_len");

    private final RingFd ringFd;
    private boolean buffersRegistered;
    private boolean filesRegistered;

    Registration(RingFd ringFd) {
        this.ringFd = ringFd;
    }

    /** IORING_REGISTER_BUFFERS; the caller keeps owning the memory and must outlive the ring's use of it. */
    public void registerBuffers(MemorySegment... buffers) {
        try (Arena scratch = Arena.ofConfined()) {
            MemorySegment iovecs = scratch.allocate(Structs.IOVEC, buffers.length);
            for (int i = 0; i < buffers.length; i++) {
                long at = i * Structs.IOVEC.byteSize();
                iovecs.set(ValueLayout.ADDRESS, at + IOV_BASE, buffers[i]);
                iovecs.set(ValueLayout.JAVA_LONG, at + IOV_LEN, buffers[i].byteSize());
            }
            ringFd.register("io_uring_register(IORING_REGISTER_BUFFERS, " + buffers.length + ")",
                    IORING_REGISTER_BUFFERS, iovecs, buffers.length);
            buffersRegistered = true;
        }
    }

    public void unregisterBuffers() {
        if (buffersRegistered) {
            buffersRegistered = false;
            ringFd.register("io_uring_register(IORING_UNREGISTER_BUFFERS)", IORING_UNREGISTER_BUFFERS,
                    MemorySegment.NULL, 0);
        }
    }

    /** IORING_REGISTER_FILES: afterwards file {@code fds[i]} is fixed file index {@code i}. */
    public void registerFiles(int... fds) {
        try (Arena scratch = Arena.ofConfined()) {
            MemorySegment table = scratch.allocateFrom(ValueLayout.JAVA_INT, fds);
            ringFd.register("io_uring_register(IORING_REGISTER_FILES, " + fds.length + ")", IORING_REGISTER_FILES,
                    table, fds.length);
            filesRegistered = true;
        }
    }

    public void unregisterFiles() {
        if (filesRegistered) {
            filesRegistered = false;
            ringFd.register("io_uring_register(IORING_UNREGISTER_FILES)", IORING_UNREGISTER_FILES, MemorySegment.NULL,
                    0);
        }
    }

    /** Unregisters the buffers and the files, the second even when the first failed. */
    @Override
    public void close() {
        new Teardown().step(this::unregisterBuffers).step(this::unregisterFiles).done();
    }
}

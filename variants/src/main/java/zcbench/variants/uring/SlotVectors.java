package zcbench.variants.uring;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

import zcbench.linux.net.Structs;

/**
 * Per payload buffer, an iovec array over it and a msghdr that points to the array, without an
 * address (the socket is connected): the payload split evenly across the entries, the last one
 * taking the remainder, so that the bytes on the wire are the buffer's own and a stamp written into
 * the buffer is what the receiver sees.
 *
 * <p>Written once when the sender opens, never per request, and freed only after the ring. The
 * kernel reads them while it prepares the request, within the io_uring_enter that submits it:
 * SENDMSG_ZC copies the msghdr and its iovec array then (io_uring/net.c, io_sendmsg_setup; with
 * IORING_RECVSEND_FIXED_BUF the iovecs are kept and resolved against the registered buffer at
 * issue), SEND_ZC with IORING_SEND_VECTORIZED imports its iovecs then (io_send_setup); kernels
 * before 6.10 read the msghdr at the first issue, also within that enter, and copy it before the
 * request waits. Since nothing here changes while the sender lives, they are valid until every
 * request's send CQE whichever the kernel, and one msghdr serves every request on its buffer.
 */
final class SlotVectors implements AutoCloseable {
    private static final long IOV_SIZE = Structs.IOVEC.byteSize();
    private static final long IOV_BASE = Structs.offset(Structs.IOVEC, "iov_base");
    private static final long IOV_LEN = Structs.offset(Structs.IOVEC, "iov_len");
    private static final long MSG_IOV = Structs.offset(Structs.MSGHDR, "msg_iov");
    private static final long MSG_IOVLEN = Structs.offset(Structs.MSGHDR, "msg_iovlen");

    private final Arena arena = Arena.ofShared();
    private final MemorySegment[] iovecs;
    private final MemorySegment[] msghdrs;
    private final int entries;

    /** {@code entries} iovecs over the first {@code payload} bytes of each buffer. */
    SlotVectors(MemorySegment[] buffers, int payload, int entries) {
        this.entries = entries;
        iovecs = new MemorySegment[buffers.length];
        msghdrs = new MemorySegment[buffers.length];
        int even = payload / entries;
        for (int slot = 0; slot < buffers.length; slot++) {
            MemorySegment iov = arena.allocate(Structs.IOVEC, entries);
            for (int i = 0; i < entries; i++) {
                long len = i == entries - 1 ? payload - (long) even * (entries - 1) : even;
                iov.set(ValueLayout.ADDRESS, i * IOV_SIZE + IOV_BASE, buffers[slot].asSlice((long) i * even));
                iov.set(ValueLayout.JAVA_LONG, i * IOV_SIZE + IOV_LEN, len);
            }
            // Allocated zeroed: no name, no control data, no flags.
            MemorySegment msg = arena.allocate(Structs.MSGHDR);
            msg.set(ValueLayout.ADDRESS, MSG_IOV, iov);
            msg.set(ValueLayout.JAVA_LONG, MSG_IOVLEN, entries);
            iovecs[slot] = iov;
            msghdrs[slot] = msg;
        }
    }

    /** The iovec array over buffer {@code slot}. */
    MemorySegment iovecs(int slot) {
        return iovecs[slot];
    }

    /** The msghdr whose msg_iov is {@link #iovecs(int)}. */
    MemorySegment msghdr(int slot) {
        return msghdrs[slot];
    }

    int entries() {
        return entries;
    }

    @Override
    public void close() {
        arena.close();
    }
}

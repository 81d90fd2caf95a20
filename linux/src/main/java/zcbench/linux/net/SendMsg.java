package zcbench.linux.net;

import static zcbench.linux.net.Structs.IOVEC;
import static zcbench.linux.net.Structs.MSGHDR;
import static zcbench.linux.net.Structs.offset;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

import zcbench.linux.SocketCalls;

/**
 * {@code sendmsg(2)} with one iovec on a connected socket. The msghdr and iovec are allocated once
 * and rewritten per call, so that the hot path allocates nothing.
 */
public final class SendMsg implements AutoCloseable {
    private static final long IOV_BASE = offset(IOVEC, "iov_base");
    private static final long IOV_LEN = offset(IOVEC, "iov_len");

    private final Arena arena = Arena.ofConfined();
    private final MemorySegment msghdr = arena.allocate(MSGHDR);
    private final MemorySegment iovec = arena.allocate(IOVEC);

    public SendMsg() {
        msghdr.set(ValueLayout.ADDRESS, offset(MSGHDR, "msg_iov"), iovec);
        msghdr.set(ValueLayout.JAVA_LONG, offset(MSGHDR, "msg_iovlen"), 1);
    }

    /** Bytes sent, or {@code -errno}. */
    public long send(InetSocket socket, MemorySegment buf, long len, int flags) {
        iovec.set(ValueLayout.ADDRESS, IOV_BASE, buf);
        iovec.set(ValueLayout.JAVA_LONG, IOV_LEN, len);
        // A send that cannot block skips the downcall's thread-state transition (SocketCalls).
        return (flags & NetConstants.MSG_DONTWAIT) != 0 ? SocketCalls.sendmsgNonBlocking(socket.fd(), msghdr, flags)
                : SocketCalls.sendmsg(socket.fd(), msghdr, flags);
    }

    @Override
    public void close() {
        arena.close();
    }
}

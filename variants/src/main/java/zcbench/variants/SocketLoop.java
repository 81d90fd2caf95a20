package zcbench.variants;

import static zcbench.linux.net.NetConstants.POLLERR;
import static zcbench.linux.net.NetConstants.POLLOUT;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

import zcbench.linux.Errno;
import zcbench.linux.net.InetSocket;
import zcbench.linux.net.Structs;

/**
 * The waits of the syscall senders (copy, msg_zerocopy), each with a time limit, and each
 * syscall counted in {@link SendCounters#syscalls}: poll(POLLOUT) after a send, as the kernel's
 * msg_zerocopy selftest does, poll(POLLERR) for a completion, and the limit on retried sends.
 */
public final class SocketLoop implements AutoCloseable {
    /** How long a send may wait for the socket, a completion or a retry before it is an error. */
    public static final long WAIT_LIMIT_NANOS = 10_000_000_000L;
    /** SO_SNDBUF as the selftest asks for it (the kernel caps it at net.core.wmem_max). */
    public static final int SNDBUF_BYTES = 1 << 21;
    /** The selftest's poll time-out (cfg_waittime_ms). */
    private static final int POLL_SLICE_MILLIS = 500;

    private final InetSocket socket;
    private final SendCounters counters;
    private final Arena arena = Arena.ofConfined();
    private final MemorySegment pollfd = arena.allocate(Structs.POLLFD);

    public SocketLoop(InetSocket socket, SendCounters counters) {
        this.socket = socket;
        this.counters = counters;
    }

    /**
     * poll(POLLOUT) until the socket is writable; {@code whileNotWritable} (may be null) runs after
     * every poll that found it not writable, as the selftest reads completions there.
     */
    public void awaitWritable(Runnable whileNotWritable) {
        long deadline = 0;
        while (true) {
            counters.syscalls++;
            if ((socket.poll(pollfd, POLLOUT, POLL_SLICE_MILLIS) & POLLOUT) != 0) {
                return;
            }
            if (whileNotWritable != null) {
                whileNotWritable.run();
            }
            deadline = checkDeadline(deadline, "the socket did not become writable (poll POLLOUT)");
        }
    }

    /** One poll(POLLERR) of at most {@code sliceMillis}: whether the error queue has something. */
    public boolean pollError(int sliceMillis) {
        counters.syscalls++;
        // The error queue raises POLLERR whatever events were asked for.
        return (socket.poll(pollfd, (short) 0, sliceMillis) & POLLERR) != 0;
    }

    /**
     * For a send that failed with EAGAIN or ENOBUFS: the deadline of this packet's retries (set on
     * its first failure, 0 meaning none yet), or an error when it has passed.
     */
    public long retryDeadline(String call, long rc, long deadline, String hint) {
        return checkDeadline(deadline, call + " kept failing with " + Errno.name((int) -rc) + "; " + hint);
    }

    private static long checkDeadline(long deadline, String what) {
        long now = System.nanoTime();
        if (deadline == 0) {
            return now + WAIT_LIMIT_NANOS;
        }
        if (now - deadline > 0) {
            throw new IllegalStateException(what + " for " + WAIT_LIMIT_NANOS / 1_000_000_000L + " s");
        }
        return deadline;
    }

    @Override
    public void close() {
        arena.close();
    }
}

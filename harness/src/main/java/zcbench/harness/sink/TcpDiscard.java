package zcbench.harness.sink;

import static zcbench.linux.net.NetConstants.MSG_DONTWAIT;
import static zcbench.linux.net.NetConstants.POLLIN;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import zcbench.linux.Errno;
import zcbench.linux.Teardown;
import zcbench.linux.net.InetSocket;
import zcbench.linux.net.IpVersion;
import zcbench.linux.net.Protocol;
import zcbench.linux.net.Structs;

/**
 * A TCP listener on loopback that accepts each sender's connection and reads and discards everything
 * on a thread of its own, so that a stream never stalls for want of a reader. Every wait is bounded:
 * the readers poll in slices and stop at the end of the stream or when this closes.
 */
final class TcpDiscard implements AutoCloseable {
    /** How long a reader sleeps in poll before it looks whether it should stop. */
    private static final int POLL_SLICE_MILLIS = 100;
    /** How long accept waits for the connection a sender has just made, and close for a reader to end. */
    private static final int WAIT_LIMIT_MILLIS = 5_000;
    private static final int READ_BYTES = 1 << 20;

    private final IpVersion ip;
    private final InetSocket listener;
    private final List<Thread> readers = new ArrayList<>();
    private final List<InetSocket> connections = new ArrayList<>();
    private volatile boolean closing;

    TcpDiscard(IpVersion ip) {
        this.ip = ip;
        listener = InetSocket.tcp(ip);
        try {
            listener.bind(ip.loopback(), 0);
            listener.listen(16);
        } catch (RuntimeException e) {
            listener.close();
            throw e;
        }
    }

    /** A new TCP socket connected to the listener, whose accepted end a reader drains; the caller owns it. */
    InetSocket openConnected() {
        InetSocket s = Protocol.TCP.connect(ip.loopback(), listener.localAddress().getPort());
        try {
            InetSocket accepted = accept();
            connections.add(accepted);
            Thread reader = Thread.ofPlatform().daemon().name("zcbench-tcp-discard").unstarted(() -> drain(accepted));
            readers.add(reader);
            reader.start();
            return s;
        } catch (RuntimeException e) {
            s.close();
            throw e;
        }
    }

    private InetSocket accept() {
        try (Arena arena = Arena.ofConfined()) {
            if (listener.poll(arena.allocate(Structs.POLLFD), POLLIN, WAIT_LIMIT_MILLIS) == 0) {
                throw new IllegalStateException("loopback TCP listener: no connection to accept within "
                        + WAIT_LIMIT_MILLIS / 1000 + " s");
            }
        }
        return listener.accept();
    }

    /** Reads until the stream ends, fails, or this closes. */
    private void drain(InetSocket connection) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment buf = arena.allocate(READ_BYTES);
            MemorySegment pollfd = arena.allocate(Structs.POLLFD);
            while (!closing) {
                if (connection.poll(pollfd, POLLIN, POLL_SLICE_MILLIS) == 0) {
                    continue;
                }
                long n = connection.recv(buf, READ_BYTES, MSG_DONTWAIT);
                if (n == 0 || (n < 0 && n != -Errno.EAGAIN && n != -Errno.EINTR)) {
                    return;
                }
            }
        }
    }

    @Override
    public void close() {
        closing = true;
        Teardown t = new Teardown();
        for (Thread reader : readers) {
            t.step(() -> {
                try {
                    if (!reader.join(Duration.ofMillis(WAIT_LIMIT_MILLIS))) {
                        throw new IllegalStateException("loopback TCP reader did not stop within "
                                + WAIT_LIMIT_MILLIS / 1000 + " s");
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while stopping a loopback TCP reader", e);
                }
            });
        }
        connections.forEach(t::close);
        t.close(listener);
        readers.clear();
        connections.clear();
        t.done();
    }
}

package zcbench.harness.targets;

import static zcbench.linux.net.NetConstants.MSG_DONTWAIT;
import static zcbench.linux.net.NetConstants.POLLIN;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import zcbench.linux.Errno;
import zcbench.linux.Teardown;
import zcbench.linux.net.InetSocket;
import zcbench.linux.net.IpVersion;
import zcbench.linux.net.Structs;

/**
 * A TCP listener on loopback that accepts every connection a sender makes to it and reads and discards
 * everything on a thread per connection, so that a stream never stalls for want of a reader. The sender
 * connects by itself, through its endpoint, so accepting runs on a thread of its own. Every wait is
 * bounded: the acceptor and the readers poll in slices and stop at the end of a stream or when this closes.
 */
final class TcpDiscard implements AutoCloseable {
    /** How long the acceptor and a reader sleep in poll before they look whether they should stop. */
    private static final int POLL_SLICE_MILLIS = 100;
    /** How long close waits for a thread of this to end. */
    private static final int WAIT_LIMIT_MILLIS = 5_000;
    private static final int READ_BYTES = 1 << 20;

    private final IpVersion ip;
    private final InetSocket listener;
    private final Thread acceptor;
    /** Written by the acceptor, read by close once the acceptor has ended. */
    private final List<Thread> readers = new CopyOnWriteArrayList<>();
    private final List<InetSocket> connections = new CopyOnWriteArrayList<>();
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
        acceptor = Thread.ofPlatform().daemon().name("zcbench-tcp-accept").start(this::acceptAll);
    }

    /** Where a sender connects: the listener's address on loopback. */
    InetSocketAddress address() {
        return new InetSocketAddress(ip.loopback(), listener.localAddress().getPort());
    }

    private void acceptAll() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment pollfd = arena.allocate(Structs.POLLFD);
            while (!closing) {
                if (listener.poll(pollfd, POLLIN, POLL_SLICE_MILLIS) == 0) {
                    continue;
                }
                InetSocket accepted = listener.accept();
                connections.add(accepted);
                Thread reader = Thread.ofPlatform().daemon().name("zcbench-tcp-discard").unstarted(() -> drain(accepted));
                readers.add(reader);
                reader.start();
            }
        }
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
        t.step(() -> join(acceptor, "acceptor"));
        for (Thread reader : readers) {
            t.step(() -> join(reader, "reader"));
        }
        connections.forEach(t::close);
        t.close(listener);
        readers.clear();
        connections.clear();
        t.done();
    }

    private static void join(Thread thread, String what) {
        try {
            if (!thread.join(Duration.ofMillis(WAIT_LIMIT_MILLIS))) {
                throw new IllegalStateException("loopback TCP " + what + " did not stop within "
                        + WAIT_LIMIT_MILLIS / 1000 + " s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while stopping a loopback TCP " + what, e);
        }
    }
}

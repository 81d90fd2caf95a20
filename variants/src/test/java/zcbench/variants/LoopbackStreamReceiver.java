package zcbench.variants;

import static zcbench.linux.net.NetConstants.POLLIN;
import static zcbench.linux.net.NetConstants.SOL_SOCKET;
import static zcbench.linux.net.NetConstants.SO_RCVBUF;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.net.InetSocketAddress;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import zcbench.linux.LinuxException;
import zcbench.linux.net.InetSocket;
import zcbench.linux.net.IpVersion;
import zcbench.linux.net.Protocol;
import zcbench.linux.net.Structs;
import zcbench.variants.spi.Endpoint;

/**
 * A TCP receiver on 127.0.0.1, or ::1 for IPv6, that reassembles the byte stream into records of
 * the payload's size across reads and checks each one's stamp: count, order and content. With
 * {@code slow} it reads little at a time with a pause between reads and a small receive buffer, so
 * that a sender's send buffer fills and its sends come back short.
 */
final class LoopbackStreamReceiver implements AutoCloseable {
    /** A slow reader's receive buffer (the kernel doubles it) and bytes per read. */
    private static final int SLOW_RCVBUF = 16 << 10;
    private static final int SLOW_READ = 8 << 10;

    private final IpVersion ip;
    private final boolean slow;
    private final InetSocket listener;
    private final int port;

    LoopbackStreamReceiver(IpVersion ip, boolean slow) {
        this.ip = ip;
        this.slow = slow;
        listener = InetSocket.tcp(ip);
        if (slow) {
            // Set before listen, so that the accepted connection starts with the small window.
            listener.setOption(SOL_SOCKET, SO_RCVBUF, SLOW_RCVBUF);
        }
        listener.bind(ip.loopback(), 0);
        listener.listen(1);
        port = listener.localAddress().getPort();
    }

    /** A TCP socket connected to the receiver, for a sender to own; {@link #expect} accepts it. */
    InetSocket connectedSender() {
        InetSocket s = InetSocket.tcp(ip);
        s.connect(ip.loopback(), port);
        return s;
    }

    /** Where the receiver listens, for a sender that opens its own connection; {@link #expect} accepts it. */
    Endpoint endpoint() {
        return new Endpoint(Protocol.TCP, new InetSocketAddress(ip.loopback(), port), Optional.empty());
    }

    /**
     * Accepts the sender's connection and reads {@code count} records of {@code payload} bytes, numbered
     * 0..count-1 with {@code sequenced}, else each carrying 0; then the end of the stream, once the
     * sender has closed.
     */
    CompletableFuture<Long> expect(long count, int payload, boolean sequenced) {
        return CompletableFuture.supplyAsync(() -> {
            try (Arena arena = Arena.ofConfined()) {
                MemorySegment pollfd = arena.allocate(Structs.POLLFD);
                if (listener.poll(pollfd, POLLIN, 10_000) == 0) {
                    throw new IllegalStateException("no connection within 10 s");
                }
                try (InetSocket connection = listener.accept()) {
                    MemorySegment record = arena.allocate(payload, 4096);
                    int filled = 0;
                    for (long expected = 0; expected < count; ) {
                        if (connection.poll(pollfd, POLLIN, 10_000) == 0) {
                            throw new IllegalStateException("no bytes within 10 s; received " + expected + " of "
                                    + count + " records and " + filled + " bytes of the next");
                        }
                        long want = Math.min(payload - filled, slow ? SLOW_READ : payload);
                        long n = LinuxException.check("recv", connection.recv(record.asSlice(filled), want, 0));
                        if (n == 0) {
                            throw new IllegalStateException("stream ended after " + expected + " of " + count
                                    + " records");
                        }
                        filled += (int) n;
                        if (filled == payload) {
                            long seq = Stamp.verify(record, payload, payload);
                            if (seq != (sequenced ? expected : 0)) {
                                throw new IllegalStateException("record " + expected + " carries sequence number "
                                        + seq);
                            }
                            expected++;
                            filled = 0;
                        }
                        if (slow) {
                            Thread.sleep(1);
                        }
                    }
                    // The sender has closed by now: nothing may follow the last record.
                    if (connection.poll(pollfd, POLLIN, 10_000) == 0
                            || LinuxException.check("recv", connection.recv(record, 1, 0)) != 0) {
                        throw new IllegalStateException("bytes after the last of " + count + " records");
                    }
                    return count;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        });
    }

    @Override
    public void close() {
        listener.close();
    }
}

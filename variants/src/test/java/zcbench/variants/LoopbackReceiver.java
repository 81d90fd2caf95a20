package zcbench.variants;

import static zcbench.linux.net.NetConstants.POLLIN;
import static zcbench.linux.net.NetConstants.SOL_SOCKET;
import static zcbench.linux.net.NetConstants.SO_RCVBUFFORCE;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import zcbench.linux.LinuxException;
import zcbench.linux.net.InetSocket;
import zcbench.linux.net.IpVersion;
import zcbench.linux.net.Structs;

/**
 * A UDP receiver on 127.0.0.1, or ::1 for IPv6, that checks every packet's stamp: count, order and content. It
 * runs on its own thread and fails on the first packet that is wrong.
 */
final class LoopbackReceiver implements AutoCloseable {
    private final IpVersion ip;
    private final InetSocket socket;
    private final int port;

    LoopbackReceiver() {
        this(IpVersion.V4);
    }

    LoopbackReceiver(IpVersion ip) {
        this.ip = ip;
        socket = InetSocket.udp(ip);
        // Room for every packet a test sends, so that loopback never drops one.
        socket.setOption(SOL_SOCKET, SO_RCVBUFFORCE, 256 << 20);
        socket.bind(ip.loopback(), 0);
        port = socket.localAddress().getPort();
    }

    /** A UDP socket of the receiver's IP version connected to it, for a sender to own. */
    InetSocket connectedSender() {
        InetSocket s = InetSocket.udp(ip);
        s.connect(ip.loopback(), port);
        return s;
    }

    /** Receives {@code count} packets of {@code payload} bytes with sequence numbers 0..count-1 in order. */
    CompletableFuture<Long> expect(long count, int payload) {
        return expect(count, payload, true);
    }

    /**
     * Receives {@code count} intact packets of {@code payload} bytes: with {@code sequenced}, numbered
     * 0..count-1 in order; without, each carrying the number 0 that the unchanging buffer was stamped
     * with at set-up.
     */
    CompletableFuture<Long> expect(long count, int payload, boolean sequenced) {
        return CompletableFuture.supplyAsync(() -> {
            try (Arena arena = Arena.ofConfined()) {
                MemorySegment buf = arena.allocate(65536, 4096);
                MemorySegment pollfd = arena.allocate(Structs.POLLFD);
                for (long expected = 0; expected < count; expected++) {
                    if (socket.poll(pollfd, POLLIN, 10_000) == 0) {
                        throw new IllegalStateException("no packet within 10 s; received " + expected + " of " + count);
                    }
                    long n = LinuxException.check("recv", socket.recv(buf, buf.byteSize(), 0));
                    long seq = Stamp.verify(buf, (int) n, payload);
                    if (seq != (sequenced ? expected : 0)) {
                        throw new IllegalStateException("packet " + expected + " carries sequence number " + seq);
                    }
                }
                return count;
            }
        });
    }

    static long await(CompletableFuture<Long> received) throws Exception {
        return received.get(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        socket.close();
    }
}

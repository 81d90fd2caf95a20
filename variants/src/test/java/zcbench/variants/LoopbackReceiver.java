package zcbench.variants;

import java.net.InetSocketAddress;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import zcbench.linux.net.InetSocket;
import zcbench.linux.net.IpVersion;
import zcbench.linux.net.Protocol;
import zcbench.variants.receive.Receiver;
import zcbench.variants.receive.Totals;
import zcbench.variants.spi.Endpoint;

/**
 * The project's {@link Receiver} on 127.0.0.1, or ::1 for IPv6, held to every packet: count, order and
 * content, and fails when one is wrong or missing; over TCP also when anything follows the last record.
 */
final class LoopbackReceiver implements AutoCloseable {
    /** How long the receiver may count nothing new, and how long it may take in all, before the test fails. */
    private static final long QUIET_LIMIT_SECONDS = 10;
    private static final long LIMIT_SECONDS = 30;
    private static final long SECOND = 1_000_000_000L;
    /** How long the receiver reads between looks at its counts: the wait ends soon after the last packet. */
    private static final long SLICE_NANOS = 10_000_000L;
    /** A slow reader's receive buffer, which the kernel doubles: room for half a 64 KiB packet. */
    private static final int SLOW_RCVBUF = 16 << 10;
    /** A slow reader reads for a millisecond and pauses for one, while the sender's send buffer fills. */
    private static final long SLOW_SLICE_NANOS = 1_000_000L;
    private static final long SLOW_PAUSE_MILLIS = 1;

    private final IpVersion ip;
    private final Protocol protocol;
    private final boolean slow;
    private final Receiver receiver;
    private volatile boolean closed;

    LoopbackReceiver() {
        this(IpVersion.V4);
    }

    LoopbackReceiver(IpVersion ip) {
        this(ip, Protocol.UDP);
    }

    LoopbackReceiver(IpVersion ip, Protocol protocol) {
        this(ip, protocol, false);
    }

    private LoopbackReceiver(IpVersion ip, Protocol protocol, boolean slow) {
        this.ip = ip;
        this.protocol = protocol;
        this.slow = slow;
        InetSocketAddress any = new InetSocketAddress(ip.loopback(), 0);
        receiver = slow ? Receiver.bind(protocol, any, 0, SLOW_RCVBUF) : Receiver.bind(protocol, any, 0);
    }

    /**
     * A TCP receiver with a small receive buffer that pauses between reads, so that a sender's send buffer
     * fills and its sends come back short.
     */
    static LoopbackReceiver slowTcp(IpVersion ip) {
        return new LoopbackReceiver(ip, Protocol.TCP, true);
    }

    /** A socket of the receiver's protocol and IP version connected to it, for a sender to own. */
    InetSocket connectedSender() {
        InetSocket s = protocol == Protocol.TCP ? InetSocket.tcp(ip) : InetSocket.udp(ip);
        s.connect(ip.loopback(), receiver.address().getPort());
        return s;
    }

    /** Where the receiver listens, for a sender that opens its own channel (docs/ARCHITECTURE.md, "The sender SPI"). */
    Endpoint endpoint() {
        return new Endpoint(protocol, new InetSocketAddress(ip.loopback(), receiver.address().getPort()),
                Optional.empty());
    }

    /** Receives {@code count} packets of {@code payload} bytes with sequence numbers 0..count-1 in order. */
    CompletableFuture<Long> expect(long count, int payload) {
        return expect(count, payload, true);
    }

    /**
     * Receives {@code count} intact packets of {@code payload} bytes: with {@code sequenced}, numbered
     * 0..count-1 in order; without, each carrying the number 0 that the unchanging buffer was stamped
     * with at set-up. TCP: on one connection, which then ends with nothing after the last record.
     */
    CompletableFuture<Long> expect(long count, int payload, boolean sequenced) {
        return CompletableFuture.supplyAsync(() -> {
            long seen = 0;
            long started = System.nanoTime();
            long quietSince = started;
            Totals t = receiver.totals();
            // TCP: to the end of the stream, whatever came before it, so that anything after the last record counts.
            while (protocol == Protocol.TCP ? receiver.streamsEnded() == 0 : t.packets() < count) {
                long now = System.nanoTime();
                if (closed) {
                    throw new IllegalStateException(outstanding(t, count) + " before the receiver was closed");
                }
                if (now - quietSince > QUIET_LIMIT_SECONDS * SECOND) {
                    throw new IllegalStateException(outstanding(t, count) + ", nothing new for " + QUIET_LIMIT_SECONDS
                            + " s");
                }
                if (now - started > LIMIT_SECONDS * SECOND) {
                    throw new IllegalStateException(outstanding(t, count) + " within " + LIMIT_SECONDS + " s");
                }
                receiver.run(now + (slow ? SLOW_SLICE_NANOS : SLICE_NANOS), x -> { });
                if (slow) {
                    pause();
                }
                t = receiver.totals();
                if (t.packets() > seen) {
                    seen = t.packets();
                    quietSince = System.nanoTime();
                }
            }
            long lastExpected = sequenced ? count - 1 : 0;
            if (t.packets() != count || t.badStamps() != 0 || t.outOfOrder() != 0 || t.highest() != lastExpected
                    || t.bytes() != count * payload || receiver.streamsEnded() > 1) {
                throw new IllegalStateException("expected " + count + " packets of " + payload + " bytes numbered up to "
                        + lastExpected + "; received " + t.summary() + ", highest number " + t.highest()
                        + (protocol == Protocol.TCP ? ", connections ended " + receiver.streamsEnded() : ""));
            }
            return count;
        });
    }

    /** "received 812 of 1000 packets": what the wait was still waiting for. */
    private String outstanding(Totals t, long count) {
        return "received " + t.packets() + " of " + count
                + (protocol == Protocol.TCP ? " records and not the end of the stream" : " packets");
    }

    private static void pause() {
        try {
            Thread.sleep(SLOW_PAUSE_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Longer than {@link #expect}'s own limit, which says what was outstanding: this one is the backstop. */
    static long await(CompletableFuture<Long> received) throws Exception {
        return received.get(LIMIT_SECONDS + QUIET_LIMIT_SECONDS, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        closed = true;
        receiver.close();
    }
}

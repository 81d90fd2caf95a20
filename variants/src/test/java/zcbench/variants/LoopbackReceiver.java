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
 * content, and fails when one is wrong or missing.
 */
final class LoopbackReceiver implements AutoCloseable {
    /** How long the receiver may see nothing before the test is failed. */
    private static final long QUIET_LIMIT_NANOS = 10_000_000_000L;
    private final IpVersion ip;
    private final Receiver receiver;

    LoopbackReceiver() {
        this(IpVersion.V4);
    }

    LoopbackReceiver(IpVersion ip) {
        this.ip = ip;
        receiver = Receiver.bind(Protocol.UDP, new InetSocketAddress(ip.loopback(), 0), 0);
    }

    /** A UDP socket of the receiver's IP version connected to it, for a sender to own. */
    InetSocket connectedSender() {
        InetSocket s = InetSocket.udp(ip);
        s.connect(ip.loopback(), receiver.address().getPort());
        return s;
    }

    /** Where the receiver listens, for a sender that opens its own channel (docs/ARCHITECTURE.md, "The sender SPI"). */
    Endpoint endpoint() {
        return new Endpoint(Protocol.UDP, new InetSocketAddress(ip.loopback(), receiver.address().getPort()),
                Optional.empty());
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
            long seen = 0;
            long quietSince = System.nanoTime();
            Totals t = receiver.totals();
            while (t.packets() < count) {
                if (System.nanoTime() - quietSince > QUIET_LIMIT_NANOS) {
                    throw new IllegalStateException("no packet within 10 s; received " + t.packets() + " of " + count);
                }
                receiver.run(System.nanoTime() + 100_000_000L, x -> { });
                t = receiver.totals();
                if (t.packets() > seen) {
                    seen = t.packets();
                    quietSince = System.nanoTime();
                }
            }
            long lastExpected = sequenced ? count - 1 : 0;
            if (t.packets() != count || t.badStamps() != 0 || t.outOfOrder() != 0 || t.highest() != lastExpected
                    || t.bytes() != count * payload) {
                throw new IllegalStateException("expected " + count + " packets of " + payload + " bytes numbered up to "
                        + lastExpected + "; received " + t.summary() + ", highest number " + t.highest());
            }
            return count;
        });
    }

    static long await(CompletableFuture<Long> received) throws Exception {
        return received.get(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        receiver.close();
    }
}

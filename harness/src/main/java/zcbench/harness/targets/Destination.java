package zcbench.harness.targets;

import java.util.Optional;

import zcbench.linux.net.InetSocket;
import zcbench.linux.net.IpVersion;
import zcbench.linux.net.Protocol;
import zcbench.variants.spi.Endpoint;

/**
 * A {@link Target} made: what a benchmark's packets go to, and the owner of what the target made (namespaces,
 * devices, receivers), which it removes on close (docs/ARCHITECTURE.md, "Targets").
 */
public sealed interface Destination extends AutoCloseable
        permits SinkNetwork, ForwardNetwork, PeerNetwork, LoopbackDiscard, RemoteTarget {

    /**
     * Where a sender of {@code protocol} over {@code ip} sends to this destination: the address, and the
     * namespace its socket must be made in. A target that cannot carry the protocol or the IP version
     * refuses it here, with the sentence its skipped row has.
     */
    default Endpoint endpoint(IpVersion ip, Protocol protocol) {
        refusal(target(), ip, protocol).ifPresent(why -> {
            throw new IllegalArgumentException(why);
        });
        return endpointTo(ip, protocol);
    }

    /** What {@link #endpoint} returns once the target has taken the protocol and the IP version. */
    Endpoint endpointTo(IpVersion ip, Protocol protocol);

    /** A new zcbench socket of {@code protocol} and {@code ip} connected to the destination; the caller owns it. */
    default InetSocket openConnected(IpVersion ip, Protocol protocol) {
        return endpoint(ip, protocol).connect();
    }

    /** A new UDP socket of {@code ip} connected to the destination; the caller owns it. */
    default InetSocket openConnectedUdp(IpVersion ip) {
        return openConnected(ip, Protocol.UDP);
    }

    /** A new IPv4 UDP socket connected to the destination; the caller owns it. */
    default InetSocket openConnectedUdp() {
        return openConnectedUdp(IpVersion.V4);
    }

    /**
     * Packets the destination has counted so far, for the delivered share of a row; -1 where it
     * counts none (loopback's discarding socket reads without counting).
     */
    long deliveredPackets();

    /**
     * {@link #deliveredPackets()} once the {@code sent} packets sent to this destination so far have arrived or
     * are known lost, so that an iteration's count holds what it sent and none of it goes to the next one
     * (docs/ARCHITECTURE.md, "Targets"). A target that counts a packet as it leaves the sender has nothing to
     * wait for.
     */
    default long deliveredOnceArrived(long sent) {
        return deliveredPackets();
    }

    /** The {@code target} parameter value this destination stands for. */
    String target();

    @Override
    void close();

    /**
     * Why a sender of {@code protocol} over {@code ip} cannot use {@code target}, in one sentence; empty when it
     * can. A name that is no target is refused with the sentence that says so.
     */
    static Optional<String> refusal(String target, IpVersion ip, Protocol protocol) {
        try {
            return Target.of(target).refusal(ip, protocol);
        } catch (IllegalArgumentException e) {
            return Optional.of(e.getMessage());
        }
    }

    static Destination open(String target) {
        return Target.of(target).open();
    }
}

package zcbench.harness.sink;

import zcbench.linux.net.InetSocket;
import zcbench.linux.net.IpVersion;

/**
 * Where a benchmark's packets go: one of the topologies in the project's own namespaces (sink, forward,
 * peer), a discarding socket on loopback, or a receiver elsewhere (docs/ARCHITECTURE.md, "Targets").
 */
public sealed interface Destination extends AutoCloseable
        permits SinkNetwork, ForwardNetwork, PeerNetwork, LoopbackDiscard, RemoteTarget {

    /** A new UDP socket of {@code ip} connected to the destination; the caller owns it. */
    InetSocket openConnectedUdp(IpVersion ip);

    /** A new IPv4 UDP socket connected to the destination; the caller owns it. */
    default InetSocket openConnectedUdp() {
        return openConnectedUdp(IpVersion.V4);
    }

    /**
     * Packets the destination has counted so far, for the delivered share of a row; -1 where it
     * counts none (loopback's discarding socket reads without counting).
     */
    long deliveredPackets();

    /** The {@code target} parameter value this destination stands for. */
    String target();

    @Override
    void close();

    static Destination open(String target) {
        return switch (target) {
            case TargetChoice.SINK -> SinkNetwork.create();
            case TargetChoice.FORWARD -> ForwardNetwork.create(Commands::run);
            case TargetChoice.PEER -> PeerNetwork.create(Commands::run);
            case TargetChoice.LOOPBACK -> new LoopbackDiscard();
            default -> RemoteTarget.parse(TargetChoice.check(target));
        };
    }
}

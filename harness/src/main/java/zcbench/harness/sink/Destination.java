package zcbench.harness.sink;

import zcbench.linux.net.InetSocket;
import zcbench.linux.net.IpVersion;

/** Where a benchmark's packets go: the sink namespace, or a discarding socket on loopback. */
public sealed interface Destination extends AutoCloseable permits SinkNetwork, LoopbackDiscard {

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
            case "sink" -> SinkNetwork.create();
            case "loopback" -> new LoopbackDiscard();
            default -> throw new IllegalArgumentException("unknown target '" + target + "'; one of: sink, loopback");
        };
    }
}

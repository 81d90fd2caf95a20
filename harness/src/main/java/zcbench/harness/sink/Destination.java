package zcbench.harness.sink;

import java.util.Optional;

import zcbench.linux.net.InetSocket;
import zcbench.linux.net.IpVersion;
import zcbench.linux.net.Protocol;

/** Where a benchmark's packets go: the sink namespace, or a discarding socket on loopback. */
public sealed interface Destination extends AutoCloseable permits SinkNetwork, LoopbackDiscard {

    /** A new socket of {@code protocol} and {@code ip} connected to the destination; the caller owns it. */
    InetSocket openConnected(IpVersion ip, Protocol protocol);

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

    /** The {@code target} parameter value this destination stands for. */
    String target();

    @Override
    void close();

    /**
     * Why a sender of {@code protocol} cannot use {@code target}, in one sentence; empty when it can.
     * Asked before a row forks (docs/ARCHITECTURE.md, "Skipped rows").
     */
    static Optional<String> refusal(String target, Protocol protocol) {
        if (protocol == Protocol.TCP && target.equals("sink")) {
            return Optional.of("protocol=tcp cannot go to target sink: its ifb device frees every packet, so no TCP"
                    + " handshake completes (use target loopback)");
        }
        return Optional.empty();
    }

    static Destination open(String target) {
        return switch (target) {
            case "sink" -> SinkNetwork.create();
            case "loopback" -> new LoopbackDiscard();
            default -> throw new IllegalArgumentException("unknown target '" + target + "'; one of: sink, loopback");
        };
    }
}

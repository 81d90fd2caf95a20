package zcbench.harness.sink;

import java.util.Optional;

import zcbench.linux.net.InetSocket;
import zcbench.linux.net.IpVersion;
import zcbench.linux.net.Protocol;

/**
 * Where a benchmark's packets go: one of the topologies in the project's own namespaces (sink, forward,
 * peer), a discarding socket on loopback, or a receiver elsewhere (docs/ARCHITECTURE.md, "Targets").
 */
public sealed interface Destination extends AutoCloseable
        permits SinkNetwork, ForwardNetwork, PeerNetwork, LoopbackDiscard, RemoteTarget {

    /**
     * A new socket of {@code protocol} and {@code ip} connected to the destination; the caller owns it. A
     * target that cannot carry the protocol or the IP version refuses it here, with the sentence its skipped
     * row has.
     */
    default InetSocket openConnected(IpVersion ip, Protocol protocol) {
        refusal(target(), ip, protocol).ifPresent(why -> {
            throw new IllegalArgumentException(why);
        });
        return socketTo(ip, protocol);
    }

    /** What {@link #openConnected} returns once the target has taken the protocol and the IP version. */
    InetSocket socketTo(IpVersion ip, Protocol protocol);

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
     * can. Asked before a row forks (docs/ARCHITECTURE.md, "Skipped rows").
     */
    static Optional<String> refusal(String target, IpVersion ip, Protocol protocol) {
        if (protocol == Protocol.TCP && (target.equals(TargetChoice.SINK) || target.equals(TargetChoice.FORWARD))) {
            return Optional.of("protocol=tcp cannot go to target " + target + ": its ifb device frees every packet, so"
                    + " no TCP handshake completes (use target peer or loopback)");
        }
        if (!RemoteTarget.isRemote(target)) {
            // The project's own targets and loopback take both IP versions.
            return Optional.empty();
        }
        RemoteTarget remote;
        try {
            remote = RemoteTarget.parse(target);
        } catch (IllegalArgumentException e) {
            return Optional.of(e.getMessage());
        }
        if (remote.protocol() != protocol) {
            return Optional.of("target " + target + " is a " + remote.protocol().name() + " receiver and the row sends "
                    + protocol.name() + ": give protocol=" + remote.protocol().id() + " or a " + protocol.id()
                    + ":// target");
        }
        IpVersion at = IpVersion.of(remote.address());
        if (at != ip) {
            return Optional.of("target " + target + " is an IPv" + at.id() + " receiver and the row sends over IPv"
                    + ip.id() + ": give ip=" + at.id() + " or an IPv" + ip.id() + " receiver's address ("
                    + remote.scheme() + "://" + (ip == IpVersion.V6 ? "[ADDR]" : "ADDR") + ":PORT)");
        }
        return Optional.empty();
    }

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

package zcbench.harness.targets;

import java.util.List;
import java.util.Optional;

import zcbench.linux.net.IpVersion;
import zcbench.linux.net.Protocol;
import zcbench.vocabulary.Knobs;

/**
 * Where a run sends, as the user names it (docs/ARCHITECTURE.md, "Targets"): one of the topologies the project
 * makes in namespaces of its own, loopback, or a receiver elsewhere. Each says, before anything is made, what it
 * counts and which rows it refuses; {@link #open()} makes it, and the {@link Destination} it returns owns what
 * was made.
 */
public sealed interface Target permits Target.Sink, Target.Forward, Target.Peer, Target.Loopback, RemoteTarget {
    /** The targets made on this machine, the default first; a remote receiver may be named besides. */
    List<Target> MADE_HERE = List.of(new Sink(), new Forward(), new Peer(), new Loopback());

    /** Its name: {@code --target}, the row key's last part, the {@code target} of jmh.json. */
    String id();

    /** Makes it; the caller owns what it returns. */
    Destination open();

    /** Whether it counts the packets that reached it, for a row's delivered share. */
    default boolean countsDelivered() {
        return Knobs.countsDelivered(id());
    }

    /**
     * Why a sender of {@code protocol} over {@code ip} cannot use it, in one sentence; empty when it can. Asked
     * before a row forks (docs/ARCHITECTURE.md, "Skipped rows").
     */
    default Optional<String> refusal(IpVersion ip, Protocol protocol) {
        return Optional.empty();
    }

    /**
     * The target of this name, or of this receiver's {@code udp://ADDR:PORT} / {@code tcp://ADDR:PORT}.
     *
     * @throws IllegalArgumentException one sentence saying what is allowed
     */
    static Target of(String name) {
        for (Target t : MADE_HERE) {
            if (t.id().equals(name)) {
                return t;
            }
        }
        if (RemoteTarget.isRemote(name)) {
            return RemoteTarget.parse(name);
        }
        throw new IllegalArgumentException("unknown target '" + name + "'; one of: " + String.join(", ", Knobs.TARGETS)
                + ", or a receiver's udp://ADDR:PORT or tcp://ADDR:PORT");
    }

    /** The ifb sink in a namespace of the project's own: frees and counts every packet. */
    record Sink() implements Target {
        @Override
        public String id() {
            return Knobs.TARGET_SINK;
        }

        @Override
        public Destination open() {
            return SinkNetwork.create();
        }

        @Override
        public Optional<String> refusal(IpVersion ip, Protocol protocol) {
            return noHandshake(this, protocol);
        }
    }

    /** A router namespace that forwards to an ifb sink, over a veth pair. */
    record Forward() implements Target {
        @Override
        public String id() {
            return Knobs.TARGET_FORWARD;
        }

        @Override
        public Destination open() {
            return ForwardNetwork.create(Commands::run);
        }

        @Override
        public Optional<String> refusal(IpVersion ip, Protocol protocol) {
            return noHandshake(this, protocol);
        }
    }

    /** A receiver in a peer namespace that reads and checks every packet: local delivery copies. */
    record Peer() implements Target {
        @Override
        public String id() {
            return Knobs.TARGET_PEER;
        }

        @Override
        public Destination open() {
            return PeerNetwork.create(Commands::run);
        }
    }

    /** A socket on loopback that takes and discards every packet; it counts none. */
    record Loopback() implements Target {
        @Override
        public String id() {
            return Knobs.TARGET_LOOPBACK;
        }

        @Override
        public Destination open() {
            return new LoopbackDiscard();
        }
    }

    /** An ifb device frees every packet, so no TCP handshake completes behind it. */
    private static Optional<String> noHandshake(Target target, Protocol protocol) {
        return protocol == Protocol.TCP ? Optional.of("protocol=tcp cannot go to target " + target.id() + ": its ifb"
                + " device frees every packet, so no TCP handshake completes (use target peer or loopback)")
                : Optional.empty();
    }
}

package zcbench.harness.targets;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import zcbench.linux.Teardown;
import zcbench.linux.net.IpVersion;
import zcbench.linux.net.Protocol;
import zcbench.linux.ns.NetNamespace;
import zcbench.variants.receive.Receiver;
import zcbench.variants.receive.Totals;
import zcbench.variants.spi.Endpoint;
import zcbench.vocabulary.Knobs;

/**
 * The peer target (docs/ARCHITECTURE.md, "Targets"): the sender's namespace and a veth pair
 * (198.18.3.0/24, 2001:2:0:3::/64) to a peer namespace where the project's {@link Receiver} reads every
 * packet and checks its stamp. Local delivery copies every zero-copy send, so the copied column shows
 * 100% here. Delivered = packets the receiver counted. The receiver is a thread of this process with its
 * socket in the peer namespace: its counts are read between iterations without a process or a pipe, and
 * it ends with the fork.
 */
public final class PeerNetwork implements Destination {
    static final String PEER = "p";
    /** Where the receiver listens in the peer namespace. */
    public static final int PORT = 9000;
    /** How long an iteration's end waits for the packets it sent to reach the receiver. */
    static final Duration ARRIVAL_LIMIT = Duration.ofSeconds(10);

    private final OwnNamespaces namespaces;
    private final VethLink link;
    /** One receiver per IP version and protocol, each started when a sender first asks for it. */
    private final Map<String, Receiver> receivers = new HashMap<>();
    private boolean ipv6;

    private PeerNetwork(OwnNamespaces namespaces, VethLink link) {
        this.namespaces = namespaces;
        this.link = link;
    }

    static PeerNetwork create(Commands.Runner run) {
        return OwnNamespaces.make(run, namespaces -> {
            VethLink link = new VethLink(namespaces.add(""), namespaces.add(PEER), "198.18.3", "2001:2:0:3::");
            link.build(run);
            return new PeerNetwork(namespaces, link);
        });
    }

    /** The receiver's address for {@code ip}, in the peer namespace. */
    public InetSocketAddress receiverAddress(IpVersion ip) {
        return new InetSocketAddress(InetAddress.ofLiteral(ip == IpVersion.V6 ? link.farAddress6() : link.farAddress()),
                PORT);
    }

    /** The receiver for {@code ip} and {@code protocol}, started in the peer namespace when a sender first asks. */
    private synchronized Receiver receiver(IpVersion ip, Protocol protocol) {
        String which = protocol.id() + ip.id();
        Receiver r = receivers.get(which);
        if (r == null) {
            if (ip == IpVersion.V6 && !ipv6) {
                link.buildIpv6(namespaces.commands());
                ipv6 = true;
            }
            InetSocketAddress at = receiverAddress(ip);
            r = NetNamespace.callIn(OwnNamespaces.file(link.far()),
                    () -> Receiver.bind(protocol, at, 0));
            receivers.put(which, r.start("zcbench-peer-receiver-" + which));
        }
        return r;
    }

    /** The two namespaces, the sender's first. */
    public List<String> names() {
        return List.of(link.near(), link.far());
    }

    @Override
    public Endpoint endpointTo(IpVersion ip, Protocol protocol) {
        return SinkNetwork.in(OwnNamespaces.file(link.near()), receiver(ip, protocol).address(), protocol);
    }

    /** What the receivers counted and checked so far. */
    public synchronized Totals received() {
        return receivers.values().stream().map(Receiver::totals).reduce(Totals.NONE, Totals::plus);
    }

    @Override
    public long deliveredPackets() {
        return received().packets();
    }

    /**
     * Waits, within {@link #ARRIVAL_LIMIT}, until the receivers have counted {@code sent} packets or, for UDP, have
     * found their socket empty after this call began: a datagram not counted by then was dropped, and a TCP
     * record is never dropped, so its stream is waited for to the last record.
     *
     * @throws IllegalStateException when the limit passes first, saying how many packets were outstanding
     */
    @Override
    public long deliveredOnceArrived(long sent) {
        long asked = System.nanoTime();
        while (true) {
            // Emptiness before the count: a count read after an empty socket holds everything queued before.
            boolean udpDrained = udpFoundEmptySince(asked);
            long counted = deliveredPackets();
            if (counted >= sent || udpDrained) {
                return counted;
            }
            if (System.nanoTime() - asked > ARRIVAL_LIMIT.toNanos()) {
                throw new IllegalStateException("the peer's receiver counted " + counted + " of the " + sent
                        + " packets sent, " + (sent - counted) + " still outstanding after " + ARRIVAL_LIMIT.toMillis()
                        + " ms of waiting");
            }
            try {
                Thread.sleep(1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while " + (sent - counted)
                        + " packets sent to the peer were still outstanding", e);
            }
        }
    }

    /** Whether every receiver is a UDP one that found its socket empty after {@code nanoTime}. */
    private synchronized boolean udpFoundEmptySince(long nanoTime) {
        return !receivers.isEmpty() && receivers.values().stream()
                .allMatch(r -> r.protocol() == Protocol.UDP && r.foundEmptySince(nanoTime));
    }

    @Override
    public String target() {
        return Knobs.TARGET_PEER;
    }

    /**
     * The receiver's summary goes to the process's standard error, beside a run's progress (stdout is a run's
     * data). A packet that is not an intact stamp, or one out of order, fails the row: the send path gave the
     * kernel a buffer it was still sending from, or the path is not what the row says.
     */
    @Override
    public synchronized void close() {
        Teardown t = new Teardown();
        // Totals once the receivers have stopped: a packet read while they stop counts, a bad stamp too.
        receivers.values().forEach(t::close);
        Totals total = received();
        receivers.clear();
        t.close(namespaces);
        if (total.packets() > 0) {
            System.err.println("zcbench peer receiver: " + total.summary());
        }
        if (total.badStamps() > 0 || total.outOfOrder() > 0) {
            t.step(() -> {
                throw new IllegalStateException("the peer's receiver found " + total.badStamps() + " bad stamps and "
                        + total.outOfOrder() + " packets out of order: " + total.summary());
            });
        }
        t.done();
    }
}

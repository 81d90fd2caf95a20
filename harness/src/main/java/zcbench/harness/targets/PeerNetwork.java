package zcbench.harness.targets;

import java.net.InetAddress;
import java.net.InetSocketAddress;
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

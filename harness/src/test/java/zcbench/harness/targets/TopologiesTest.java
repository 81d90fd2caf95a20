package zcbench.harness.targets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import zcbench.vocabulary.Knobs;
import zcbench.linux.net.InetSocket;
import zcbench.linux.net.IpVersion;
import zcbench.linux.ns.NetNamespace;
import zcbench.variants.SendConfig;
import zcbench.variants.SendCounters;
import zcbench.variants.Sender;
import zcbench.variants.spi.SenderRegistry;
import zcbench.variants.receive.Totals;
import zcbench.vocabulary.Variant;

/**
 * The forward and peer targets: made and removed whole (also when a step of their making fails), and
 * a row's sender reaching the ifb sink through the router, or the peer's receiver with every stamp intact.
 */
class TopologiesTest {
    private static final int BATCHES = 100;
    private static final int BATCH = 8;
    private static final int TOTAL = BATCHES * BATCH;

    @BeforeEach
    void needsRoot() {
        String reason = SinkNetwork.unavailableReason();
        if (reason != null) {
            System.err.println("SKIPPED TopologiesTest: " + reason);
        }
        assumeTrue(reason == null, () -> "skipped: " + reason);
    }

    /** The project's namespaces of this process, and veth devices in the test's own namespace. */
    private static List<String> leftovers() {
        String own = OwnNamespaces.PREFIX + ProcessHandle.current().pid() + "-";
        List<String> left = new java.util.ArrayList<>(
                OwnNamespaces.list().stream().filter(n -> n.startsWith(own)).toList());
        for (String line : Commands.run("ip", "-o", "link", "show", "type", "veth").split("\n")) {
            if (line.contains(VethLink.NEAR_DEVICE) || line.contains(VethLink.FAR_DEVICE)) {
                left.add(line);
            }
        }
        return left;
    }

    @ParameterizedTest
    @ValueSource(strings = {"forward", "peer"})
    void madeInTwoNamespacesAndRemovedWhole(String target) {
        List<String> names;
        try (Destination d = Destination.open(target); InetSocket s = d.openConnectedUdp(IpVersion.V6)) {
            names = d instanceof ForwardNetwork f ? f.names() : ((PeerNetwork) d).names();
            assertEquals(2, names.size());
            assertTrue(OwnNamespaces.list().containsAll(names), names.toString());
        }
        assertEquals(List.of(), leftovers());
    }

    /**
     * Forwarding is switched on in the namespace it names and nowhere else. A new namespace copies the machine's
     * IPv4 settings, so each starts at 0 here whatever the machine has: the 1 read back is the write's.
     */
    @Test
    void forwardingIsSwitchedOnInItsNamespaceAlone() {
        try (OwnNamespaces namespaces = new OwnNamespaces(Commands::run)) {
            String router = namespaces.add("r");
            String other = namespaces.add("o");
            for (Path setting : List.of(ForwardNetwork.IPV4_FORWARDING, ForwardNetwork.IPV6_FORWARDING)) {
                ForwardNetwork.write(router, setting, "0");
                ForwardNetwork.write(other, setting, "0");
                ForwardNetwork.switchOn(router, setting);
                assertEquals("1", readIn(router, setting), setting + " in the namespace switched on");
                assertEquals("0", readIn(other, setting), setting + " in another namespace");
            }
        }
        assertEquals(List.of(), leftovers());
    }

    /** The forward target's router forwards both IP versions once made. */
    @Test
    void theForwardTargetsRouterForwards() {
        try (ForwardNetwork forward = ForwardNetwork.create(Commands::run);
             InetSocket s = forward.openConnectedUdp(IpVersion.V6)) {
            String router = forward.names().get(1);
            assertEquals("1", readIn(router, ForwardNetwork.IPV4_FORWARDING));
            assertEquals("1", readIn(router, ForwardNetwork.IPV6_FORWARDING));
        }
        assertEquals(List.of(), leftovers());
    }

    private static String readIn(String namespace, Path setting) {
        return NetNamespace.callIn(OwnNamespaces.file(namespace), () -> {
            try {
                return Files.readString(setting).trim();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** Every step of the making fails once in turn: nothing is left behind, and the failure is the step's. */
    @ParameterizedTest
    @ValueSource(strings = {"forward", "peer"})
    void aFailureMidSetupLeavesNothing(String target) {
        Function<Commands.Runner, Destination> make = target.equals("forward") ? ForwardNetwork::create
                : PeerNetwork::create;
        AtomicInteger steps = new AtomicInteger();
        make.apply(command -> {
            steps.incrementAndGet();
            return Commands.run(command);
        }).close();
        assertTrue(steps.get() > 5, "steps: " + steps);
        for (int failAt = 1; failAt <= steps.get(); failAt++) {
            AtomicInteger seen = new AtomicInteger();
            int fail = failAt;
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> make.apply(command -> {
                if (seen.incrementAndGet() == fail) {
                    throw new IllegalStateException("injected failure at step " + fail);
                }
                return Commands.run(command);
            }).close());
            assertEquals("injected failure at step " + fail, e.getMessage());
            assertEquals(List.of(), leftovers(), "after a failure at step " + fail);
        }
    }

    private static SendCounters send(Sender sender) {
        for (int i = 0; i < BATCHES; i++) {
            sender.sendBatch();
        }
        sender.drain();
        return sender.counters().snapshot();
    }

    /**
     * A verify=true row's sender: through the router to the ifb sink (copied 0% on Linux 6.17+), or to the peer's
     * receiver, which gets every stamp intact and in order (local delivery copies every zero-copy send).
     */
    @ParameterizedTest(name = "{1} to {0} over IPv{2}")
    @CsvSource({"forward, msg_zerocopy, 4", "forward, uring_zc_fixed, 4", "forward, copy, 4", "forward, msg_zerocopy, 6",
        "peer, msg_zerocopy, 4", "peer, uring_zc_fixed, 4", "peer, uring_send, 4", "peer, uring_zc, 6"})
    void aVerifiedRowReachesTheTarget(String target, String variant, String ip) {
        SendConfig config = SendConfig.of(Variant.of(variant), 65435, BATCH).with(Knobs.VERIFY, "true")
                .with(Knobs.IP, ip);
        SendCounters c;
        long delivered;
        Totals received = null;
        try (Destination d = Destination.open(target);
             Sender sender = SenderRegistry.openOn(config, d.openConnectedUdp(config.ip()))) {
            long before = d.deliveredPackets();
            c = send(sender);
            if (d instanceof PeerNetwork peer) {
                received = awaitPackets(peer, TOTAL);
            }
            delivered = d.deliveredPackets() - before;
        }
        assertEquals(TOTAL, c.packets);
        boolean zeroCopy = config.variant().zeroCopy();
        assertEquals(zeroCopy ? TOTAL : 0, c.notifications);
        if (target.equals("peer")) {
            assertEquals(new Totals(TOTAL, (long) TOTAL * 65435, 0, 0, TOTAL - 1, ""), received);
            assertEquals(zeroCopy ? TOTAL : 0, c.copied, "local delivery copies every zero-copy send");
        } else {
            assertTrue(delivered >= TOTAL && delivered < TOTAL + 10, "packets the ifb sink counted: " + delivered);
            assertEquals(zeroCopy && !ForwardNetwork.keepsZeroCopy() ? TOTAL : 0, c.copied, "sends reported as copied");
        }
    }

    private static Totals awaitPackets(PeerNetwork peer, long count) {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (peer.received().packets() < count && System.nanoTime() - deadline < 0) {
            Thread.onSpinWait();
        }
        return peer.received();
    }

    /**
     * A remote receiver, as a second machine would run it: here the peer namespace's, with the sender's socket
     * opened in the sender's namespace, where a udp:// target opens it in its own.
     */
    @Test
    void aRemoteReceiverInTheBenchmarkingRangeGetsTheRow() {
        SendConfig config = SendConfig.of(Variant.of("msg_zerocopy"), 4096, BATCH).with(Knobs.VERIFY, "true");
        try (PeerNetwork peer = PeerNetwork.create(Commands::run)) {
            // Starts the peer's receiver; the socket itself is not used.
            peer.openConnectedUdp(IpVersion.V4).close();
            var at = peer.receiverAddress(IpVersion.V4);
            String target = "udp://" + at.getAddress().getHostAddress() + ":" + at.getPort();
            try (Destination remote = Destination.open(target);
                 Sender sender = SenderRegistry.openOn(config, NetNamespace.callIn(OwnNamespaces.file(peer.names().getFirst()),
                         () -> remote.openConnectedUdp(IpVersion.V4)))) {
                assertEquals(target, remote.target());
                send(sender);
            }
            assertEquals(new Totals(TOTAL, (long) TOTAL * 4096, 0, 0, TOTAL - 1, ""), awaitPackets(peer, TOTAL));
        }
        assertEquals(List.of(), leftovers());
    }

    /** A packet that is not an intact stamp fails the peer's row when it closes, saying what the receiver found. */
    @Test
    void aBadStampAtThePeerFailsTheRow() {
        PeerNetwork peer = PeerNetwork.create(Commands::run);
        try (InetSocket s = peer.openConnectedUdp(IpVersion.V4); Arena arena = Arena.ofConfined()) {
            MemorySegment junk = arena.allocate(100);
            s.send(junk, junk.byteSize(), 0);
            awaitPackets(peer, 1);
        }
        IllegalStateException e = assertThrows(IllegalStateException.class, peer::close);
        assertTrue(e.getMessage().startsWith("the peer's receiver found 1 bad stamps and 0 packets out of order"),
                e.getMessage());
        assertEquals(List.of(), leftovers());
    }
}

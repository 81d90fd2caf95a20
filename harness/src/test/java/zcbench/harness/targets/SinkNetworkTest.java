package zcbench.harness.targets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import zcbench.linux.LinuxException;
import zcbench.linux.net.InetSocket;
import zcbench.linux.net.IpVersion;
import zcbench.linux.net.Protocol;

/** The sink namespace. Needs root; without it every test here is skipped and says why. */
class SinkNetworkTest {

    @BeforeEach
    void needsRoot() {
        assumeTrue(SinkNetwork.unavailableReason() == null, () -> "skipped: " + SinkNetwork.unavailableReason());
    }

    @Test
    void packetsSentToTheSinkAreFreedByTheIfbDevice() {
        try (SinkNetwork sink = SinkNetwork.create(); Arena arena = Arena.ofConfined()) {
            long before = sink.deliveredPackets();
            MemorySegment payload = arena.allocate(65435);
            try (InetSocket socket = sink.openConnectedUdp()) {
                for (int i = 0; i < 1000; i++) {
                    assertEquals(65435, LinuxException.check("send", socket.send(payload, 65435, 0)));
                }
            }
            long dropped = sink.deliveredPackets() - before;
            // ifb counts what it frees as RX dropped; stray IPv6 chatter may add a few.
            assertTrue(dropped >= 1000 && dropped < 1010, "ifb rx_dropped grew by " + dropped);
        }
    }

    @Test
    void packetsSentOverIpv6AreFreedByTheSameIfbDevice() {
        try (SinkNetwork sink = SinkNetwork.create(); Arena arena = Arena.ofConfined()) {
            MemorySegment payload = arena.allocate(65487);
            try (InetSocket socket = sink.openConnectedUdp(IpVersion.V6)) {
                assertEquals("2001:2:0:0:0:0:0:1", socket.localAddress().getAddress().getHostAddress(),
                        "socket bound inside the sink namespace, on the ifb device's IPv6 address");
                long before = sink.deliveredPackets();
                for (int i = 0; i < 1000; i++) {
                    // The largest payload IPv6 carries on the device's 65535-byte MTU without fragments.
                    assertEquals(65487, LinuxException.check("send", socket.send(payload, 65487, 0)));
                }
                long dropped = sink.deliveredPackets() - before;
                assertTrue(dropped >= 1000 && dropped < 1010, "ifb rx_dropped grew by " + dropped);
            }
        }
    }

    @Test
    void onlyTheCreatingThreadVisitsTheNamespaceAndReturns() throws Exception {
        Path own = Path.of("/proc/thread-self/ns/net");
        String home = Files.readSymbolicLink(own).toString();
        try (SinkNetwork sink = SinkNetwork.create()) {
            try (InetSocket s = sink.openConnectedUdp()) {
                assertEquals(home, Files.readSymbolicLink(own).toString(), "thread back in its namespace");
                assertEquals("198.18.0.1", s.localAddress().getAddress().getHostAddress(),
                        "socket bound inside the sink namespace, on the ifb device's address");
            }
        }
    }

    @Test
    void namespaceIsGoneAfterClose() {
        String name;
        try (SinkNetwork sink = SinkNetwork.create()) {
            name = sink.name();
            assertTrue(SinkNetwork.listNamespaces().contains(name));
            assertTrue(Files.exists(sink.namespaceFile()));
        }
        assertFalse(SinkNetwork.listNamespaces().contains(name), name + " still listed");
    }

    @Test
    void staleNamespacesOfDeadProcessesAreRemovedOnlyThose() throws Exception {
        Process p = new ProcessBuilder("true").start();
        p.waitFor();
        String stale = "zcbench-" + p.pid() + "-1";
        String live = "zcbench-" + ProcessHandle.current().pid() + "-999";
        Commands.run("ip", "netns", "add", stale);
        Commands.run("ip", "netns", "add", live);
        try {
            assertTrue(SinkNetwork.staleNamespaces().contains(stale));
            assertFalse(SinkNetwork.staleNamespaces().contains(live));
            try (SinkNetwork sink = SinkNetwork.create()) {
                assertFalse(SinkNetwork.listNamespaces().contains(stale), "stale namespace of a dead process removed");
                assertTrue(SinkNetwork.listNamespaces().contains(live), "a live process's namespace is left alone");
            }
        } finally {
            Commands.run("ip", "netns", "delete", live);
            if (SinkNetwork.listNamespaces().contains(stale)) {
                Commands.run("ip", "netns", "delete", stale);
            }
        }
    }

    @Test
    void aTcpSocketToTheSinkIsRefusedWithTheSentenceOfTheSkippedRow() {
        try (SinkNetwork sink = SinkNetwork.create()) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> sink.openConnected(IpVersion.V4, Protocol.TCP));
            assertEquals(Destination.refusal("sink", IpVersion.V4, Protocol.TCP).orElseThrow(), e.getMessage());
        }
    }
}

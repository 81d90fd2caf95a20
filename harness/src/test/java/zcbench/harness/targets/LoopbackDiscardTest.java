package zcbench.harness.targets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

import org.junit.jupiter.api.Test;

import zcbench.linux.LinuxException;
import zcbench.linux.net.InetSocket;
import zcbench.linux.net.IpVersion;
import zcbench.linux.net.Protocol;

/** The loopback target over TCP: a listener whose readers take everything and stop with it. */
class LoopbackDiscardTest {
    private static final int BYTES = 8 << 20;

    @Test
    void tcpSendersAreReadToTheEndAndTheReadersStopWithTheTarget() {
        for (IpVersion ip : IpVersion.values()) {
            try (LoopbackDiscard loopback = new LoopbackDiscard(); Arena arena = Arena.ofConfined()) {
                MemorySegment chunk = arena.allocate(65536);
                // Two senders, as threads=2 opens: each connection has its own reader.
                try (InetSocket a = loopback.openConnected(ip, Protocol.TCP);
                     InetSocket b = loopback.openConnected(ip, Protocol.TCP)) {
                    // Far more than the socket buffers hold: the blocking sends return only because it is read.
                    long n = chunk.byteSize();
                    for (long sent = 0; sent < BYTES; sent += n) {
                        assertEquals(n, LinuxException.check("send", a.send(chunk, n, 0)));
                        assertEquals(n, LinuxException.check("send", b.send(chunk, n, 0)));
                    }
                    assertEquals(2, readers(), "one reader per connection");
                }
            }
            assertEquals(0, readers(), "the readers have stopped when the target is closed");
        }
    }

    @Test
    void theSinkIsRefusedForTcpInOneSentence() {
        String why = Destination.refusal("sink", IpVersion.V4, Protocol.TCP).orElseThrow();
        assertEquals("protocol=tcp cannot go to target sink: its ifb device frees every packet, so no TCP handshake"
                + " completes (use target peer or loopback)", why);
        assertTrue(Destination.refusal("loopback", IpVersion.V4, Protocol.TCP).isEmpty());
        assertTrue(Destination.refusal("sink", IpVersion.V4, Protocol.UDP).isEmpty());
        assertTrue(Destination.refusal("peer", IpVersion.V4, Protocol.TCP).isEmpty());
        assertTrue(Destination.refusal("forward", IpVersion.V4, Protocol.TCP).orElseThrow().startsWith(
                "protocol=tcp cannot go to target forward: its ifb device frees every packet"));
        assertEquals("target udp://198.18.3.2:9000 is a UDP receiver and the row sends TCP: give protocol=udp or a"
                + " tcp:// target",
                Destination.refusal("udp://198.18.3.2:9000", IpVersion.V4, Protocol.TCP).orElseThrow());
        assertTrue(Destination.refusal("tcp://198.18.3.2:9000", IpVersion.V4, Protocol.TCP).isEmpty());
    }

    private static long readers() {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().equals("zcbench-tcp-discard"))
                .filter(Thread::isAlive).count();
    }
}

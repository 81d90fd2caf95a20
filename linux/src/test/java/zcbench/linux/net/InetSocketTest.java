package zcbench.linux.net;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.net.Inet4Address;

import org.junit.jupiter.api.Test;

import zcbench.linux.Errno;
import zcbench.linux.LinuxException;

class InetSocketTest {
    private static Inet4Address loopback() {
        return Inet4Address.ofLiteral("127.0.0.1");
    }

    @Test
    void udpSendToReachesTheBoundSocket() throws Exception {
        try (Arena arena = Arena.ofConfined(); InetSocket rx = InetSocket.udp(); InetSocket tx = InetSocket.udp()) {
            rx.bind(loopback(), 0);
            MemorySegment to = InetSocket.sockaddr(arena, loopback(), rx.localAddress().getPort());
            MemorySegment out = arena.allocateFrom(ValueLayout.JAVA_BYTE, new byte[] {1, 2, 3, 4, 5});
            assertEquals(5, LinuxException.check("sendto", tx.sendTo(out, 5, 0, to)));
            MemorySegment in = arena.allocate(64);
            MemorySegment pollfd = arena.allocate(Structs.POLLFD);
            assertTrue((rx.poll(pollfd, NetConstants.POLLIN, 5000) & NetConstants.POLLIN) != 0);
            assertEquals(5, LinuxException.check("recv", rx.recv(in, 64, 0)));
            assertArrayEquals(new byte[] {1, 2, 3, 4, 5}, in.asSlice(0, 5).toArray(ValueLayout.JAVA_BYTE));
        }
    }

    @Test
    void udpOverIpv6ReachesTheBoundSocketOnLoopback() {
        try (Arena arena = Arena.ofConfined(); InetSocket rx = InetSocket.udp(IpVersion.V6);
             InetSocket tx = InetSocket.udp(IpVersion.V6)) {
            rx.bind(IpVersion.V6.loopback(), 0);
            assertEquals(IpVersion.V6.loopback(), rx.localAddress().getAddress());
            tx.connect(IpVersion.V6.loopback(), rx.localAddress().getPort());
            MemorySegment out = arena.allocateFrom(ValueLayout.JAVA_BYTE, new byte[] {6, 6, 6});
            assertEquals(3, LinuxException.check("send", tx.send(out, 3, 0)));
            MemorySegment in = arena.allocate(64);
            MemorySegment pollfd = arena.allocate(Structs.POLLFD);
            assertTrue((rx.poll(pollfd, NetConstants.POLLIN, 5000) & NetConstants.POLLIN) != 0);
            assertEquals(3, LinuxException.check("recv", rx.recv(in, 64, 0)));
        }
    }

    @Test
    void tcpConnectAcceptSendReceive() throws Exception {
        try (Arena arena = Arena.ofConfined(); InetSocket listener = InetSocket.tcp(); InetSocket client = InetSocket.tcp()) {
            listener.setOption(NetConstants.SOL_SOCKET, NetConstants.SO_REUSEADDR, 1);
            listener.bind(loopback(), 0);
            listener.listen(1);
            client.connect(loopback(), listener.localAddress().getPort());
            try (InetSocket server = listener.accept()) {
                MemorySegment out = arena.allocate(100_000);
                out.fill((byte) 7);
                long sent = 0;
                while (sent < out.byteSize()) {
                    sent += LinuxException.check("send", client.send(out.asSlice(sent), out.byteSize() - sent, 0));
                }
                MemorySegment in = arena.allocate(100_000);
                long got = 0;
                while (got < in.byteSize()) {
                    got += LinuxException.check("recv", server.recv(in.asSlice(got), in.byteSize() - got, 0));
                }
                assertEquals(-1, in.mismatch(out));
            }
        }
    }

    @Test
    void socketOptionsRoundTrip() {
        try (InetSocket s = InetSocket.udp()) {
            s.setOption(NetConstants.SOL_SOCKET, NetConstants.SO_ZEROCOPY, 1);
            assertEquals(1, s.getOption(NetConstants.SOL_SOCKET, NetConstants.SO_ZEROCOPY));
            s.setOption(NetConstants.SOL_SOCKET, NetConstants.SO_SNDBUF, 1 << 20);
            // The kernel doubles SO_SNDBUF for bookkeeping, capped by wmem_max.
            assertTrue(s.getOption(NetConstants.SOL_SOCKET, NetConstants.SO_SNDBUF) >= 1 << 20);
        }
    }

    @Test
    void anUnknownOptionFailsWithTheCallAndErrnoNamed() {
        try (InetSocket s = InetSocket.udp()) {
            LinuxException e = assertThrows(LinuxException.class, () -> s.setOption(NetConstants.SOL_SOCKET, 9999, 1));
            assertEquals(Errno.ENOPROTOOPT, e.errno());
            assertTrue(e.getMessage().startsWith("setsockopt(1, 9999, 1): ENOPROTOOPT"), e.getMessage());
        }
    }

    @Test
    void errorQueueIsEmptyOnAFreshSocket() {
        try (InetSocket s = InetSocket.udp(); ErrqueueReader r = new ErrqueueReader()) {
            assertEquals(false, r.read(s));
        }
    }
}

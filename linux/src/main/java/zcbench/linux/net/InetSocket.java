package zcbench.linux.net;

import static zcbench.linux.net.NetConstants.AF_INET;
import static zcbench.linux.net.NetConstants.AF_INET6;
import static zcbench.linux.net.NetConstants.IPPROTO_TCP;
import static zcbench.linux.net.NetConstants.IPPROTO_UDP;
import static zcbench.linux.net.NetConstants.SOCK_CLOEXEC;
import static zcbench.linux.net.NetConstants.SOCK_DGRAM;
import static zcbench.linux.net.NetConstants.SOCK_STREAM;
import static zcbench.linux.net.Structs.POLLFD;
import static zcbench.linux.net.Structs.SOCKADDR_IN;
import static zcbench.linux.net.Structs.SOCKADDR_IN6;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.ByteOrder;

import zcbench.linux.Libc;
import zcbench.linux.LinuxException;
import zcbench.linux.SocketCalls;

/** An IPv4 or IPv6 socket file descriptor and its one owner: {@link #close()} closes it exactly once. */
public final class InetSocket implements AutoCloseable {
    private static final ValueLayout.OfShort NET_SHORT = ValueLayout.JAVA_SHORT_UNALIGNED.withOrder(ByteOrder.BIG_ENDIAN);

    private static final long SIN_FAMILY = Structs.offset(SOCKADDR_IN, "sin_family");
    private static final long SIN_PORT = Structs.offset(SOCKADDR_IN, "sin_port");
    private static final long SIN_ADDR = Structs.offset(SOCKADDR_IN, "sin_addr");
    private static final long SIN6_FAMILY = Structs.offset(SOCKADDR_IN6, "sin6_family");
    private static final long SIN6_PORT = Structs.offset(SOCKADDR_IN6, "sin6_port");
    private static final long SIN6_ADDR = Structs.offset(SOCKADDR_IN6, "sin6_addr");

    private static final long POLLFD_FD = Structs.offset(POLLFD, "fd");
    private static final long POLLFD_EVENTS = Structs.offset(POLLFD, "events");
    private static final long POLLFD_REVENTS = Structs.offset(POLLFD, "revents");

    private final int fd;
    private boolean closed;

    private InetSocket(int fd) {
        this.fd = fd;
    }

    public static InetSocket udp() {
        return udp(IpVersion.V4);
    }

    public static InetSocket udp(IpVersion ip) {
        return open(ip, SOCK_DGRAM, "SOCK_DGRAM", IPPROTO_UDP);
    }

    public static InetSocket tcp() {
        return tcp(IpVersion.V4);
    }

    public static InetSocket tcp(IpVersion ip) {
        return open(ip, SOCK_STREAM, "SOCK_STREAM", IPPROTO_TCP);
    }

    private static InetSocket open(IpVersion ip, int type, String typeName, int protocol) {
        String family = ip == IpVersion.V6 ? "AF_INET6" : "AF_INET";
        return new InetSocket(LinuxException.check("socket(" + family + ", " + typeName + ")",
                SocketCalls.socket(ip.family(), type | SOCK_CLOEXEC, protocol)));
    }

    /** Takes ownership of a descriptor that another call (accept4) made. */
    public static InetSocket adopt(int fd) {
        return new InetSocket(fd);
    }

    public int fd() {
        return fd;
    }

    public void bind(InetAddress address, int port) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment sa = sockaddr(arena, address, port);
            LinuxException.check("bind " + address.getHostAddress() + ":" + port,
                    SocketCalls.bind(fd, sa, (int) sa.byteSize()));
        }
    }

    public void connect(InetAddress address, int port) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment sa = sockaddr(arena, address, port);
            LinuxException.check("connect " + address.getHostAddress() + ":" + port,
                    SocketCalls.connect(fd, sa, (int) sa.byteSize()));
        }
    }

    public void listen(int backlog) {
        LinuxException.check("listen", SocketCalls.listen(fd, backlog));
    }

    public InetSocket accept() {
        return adopt(LinuxException.check("accept4", SocketCalls.accept4(fd, SOCK_CLOEXEC)));
    }

    /** The bound local address, e.g. to learn the port the kernel chose for port 0. */
    public InetSocketAddress localAddress() {
        try (Arena arena = Arena.ofConfined()) {
            // Room for either family; the family field says which one the kernel wrote.
            MemorySegment sa = arena.allocate(SOCKADDR_IN6);
            MemorySegment len = arena.allocateFrom(ValueLayout.JAVA_INT, (int) SOCKADDR_IN6.byteSize());
            LinuxException.check("getsockname", SocketCalls.getsockname(fd, sa, len));
            boolean v6 = sa.get(ValueLayout.JAVA_SHORT, SIN_FAMILY) == AF_INET6;
            int port = Short.toUnsignedInt(sa.get(NET_SHORT, v6 ? SIN6_PORT : SIN_PORT));
            byte[] ip = sa.asSlice(v6 ? SIN6_ADDR : SIN_ADDR, v6 ? 16 : 4).toArray(ValueLayout.JAVA_BYTE);
            return new InetSocketAddress(InetAddress.getByAddress(ip), port);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    public void setOption(int level, int name, int value) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment v = arena.allocateFrom(ValueLayout.JAVA_INT, value);
            LinuxException.check("setsockopt(" + level + ", " + name + ", " + value + ")",
                    SocketCalls.setsockopt(fd, level, name, v, Integer.BYTES));
        }
    }

    public int getOption(int level, int name) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment v = arena.allocate(ValueLayout.JAVA_INT);
            MemorySegment len = arena.allocateFrom(ValueLayout.JAVA_INT, Integer.BYTES);
            LinuxException.check("getsockopt(" + level + ", " + name + ")",
                    SocketCalls.getsockopt(fd, level, name, v, len));
            return v.get(ValueLayout.JAVA_INT, 0);
        }
    }

    /** send(2): bytes sent, or {@code -errno}; the hot path decides which errors it retries. */
    public long send(MemorySegment buf, long len, int flags) {
        return SocketCalls.send(fd, buf, len, flags);
    }

    /**
     * sendto(2) to {@code sockaddr} (made once with {@link #sockaddr}, so that a loop allocates
     * nothing): bytes sent, or {@code -errno}.
     */
    public long sendTo(MemorySegment buf, long len, int flags, MemorySegment sockaddr) {
        return SocketCalls.sendto(fd, buf, len, flags, sockaddr, (int) sockaddr.byteSize());
    }

    /** recv(2): bytes received, or {@code -errno}. */
    public long recv(MemorySegment buf, long len, int flags) {
        return SocketCalls.recv(fd, buf, len, flags);
    }

    /**
     * poll(2) on this socket alone: the returned events, 0 on time-out. {@code pollfd} is a
     * caller-owned {@link Structs#POLLFD} so that a hot loop allocates nothing.
     */
    public short poll(MemorySegment pollfd, short events, int timeoutMillis) {
        pollfd.set(ValueLayout.JAVA_INT, POLLFD_FD, fd);
        pollfd.set(ValueLayout.JAVA_SHORT, POLLFD_EVENTS, events);
        pollfd.set(ValueLayout.JAVA_SHORT, POLLFD_REVENTS, (short) 0);
        int n = LinuxException.check("poll", SocketCalls.poll(pollfd, 1, timeoutMillis));
        return n == 0 ? 0 : pollfd.get(ValueLayout.JAVA_SHORT, POLLFD_REVENTS);
    }

    /**
     * Writes a {@code sockaddr_in} or, for an IPv6 address, a {@code sockaddr_in6}; family in host
     * order, port and address in network order.
     */
    public static MemorySegment sockaddr(Arena arena, InetAddress address, int port) {
        byte[] ip = address.getAddress();
        boolean v6 = IpVersion.of(address) == IpVersion.V6;
        MemorySegment sa = arena.allocate(v6 ? SOCKADDR_IN6 : SOCKADDR_IN);
        sa.set(ValueLayout.JAVA_SHORT, v6 ? SIN6_FAMILY : SIN_FAMILY, (short) (v6 ? AF_INET6 : AF_INET));
        sa.set(NET_SHORT, v6 ? SIN6_PORT : SIN_PORT, (short) port);
        MemorySegment.copy(ip, 0, sa, ValueLayout.JAVA_BYTE, v6 ? SIN6_ADDR : SIN_ADDR, ip.length);
        return sa;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        int rc = Libc.close(fd);
        if (rc < 0) {
            throw new LinuxException("close(" + fd + ")", -rc);
        }
    }
}

package zcbench.netty;

import io.netty.channel.Channel;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollDatagramChannel;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.uring.IoUring;
import io.netty.channel.uring.IoUringDatagramChannel;
import io.netty.channel.uring.IoUringIoHandler;
import io.netty.channel.uring.IoUringSocketChannel;
import io.netty.channel.socket.SocketProtocolFamily;

import zcbench.linux.net.IpVersion;
import zcbench.linux.net.Protocol;

/** One of netty's native Linux transports: its event loop's I/O handler and its channels (docs/ARCHITECTURE.md, "The JVM rows"). */
enum NettyTransport {
    EPOLL("netty's native epoll transport"),
    IO_URING("netty's io_uring transport");

    private static final String MACHINE_ID = "io.netty.machineId";

    private final String name;

    NettyTransport(String name) {
        this.name = name;
    }

    /** "netty's io_uring transport": what a message names. */
    String prose() {
        return name;
    }

    /** Fails with netty's own reason when its native library cannot run here. */
    void ensureAvailable() {
        // A channel's id mixes in a machine id, which netty looks for among the network interfaces and, finding
        // none in a virtual machine, warns about on every row's output; the id means nothing here.
        if (System.getProperty(MACHINE_ID) == null) {
            System.setProperty(MACHINE_ID, "00:00:00:00:00:00:00:01");
        }
        Throwable why = this == EPOLL ? Epoll.unavailabilityCause() : IoUring.unavailabilityCause();
        if (why != null) {
            throw new IllegalStateException(name + " is unavailable here: " + why, why);
        }
    }

    IoHandlerFactory handlers() {
        return this == EPOLL ? EpollIoHandler.newFactory() : IoUringIoHandler.newFactory();
    }

    /**
     * A new channel of {@code protocol}: its socket is made here, on the calling thread, so in the calling thread's
     * network namespace (netty makes the socket in the channel's constructor).
     */
    Channel newChannel(Protocol protocol, IpVersion ip) {
        SocketProtocolFamily family = ip == IpVersion.V6 ? SocketProtocolFamily.INET6 : SocketProtocolFamily.INET;
        return switch (protocol) {
            case UDP -> this == EPOLL ? new EpollDatagramChannel(family) : new IoUringDatagramChannel(family);
            // netty's io_uring TCP channel takes no family: its socket is IPv6 where the machine has it, and
            // reaches an IPv4 address as a v4-mapped one.
            case TCP -> this == EPOLL ? new EpollSocketChannel(family) : new IoUringSocketChannel();
        };
    }
}

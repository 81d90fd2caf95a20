package zcbench.variants.receive;

import static zcbench.linux.net.NetConstants.MSG_DONTWAIT;
import static zcbench.linux.net.NetConstants.POLLIN;
import static zcbench.linux.net.NetConstants.SOL_SOCKET;
import static zcbench.linux.net.NetConstants.SO_RCVBUFFORCE;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.ServerSocketChannel;
import java.util.function.Consumer;

import zcbench.linux.Errno;
import zcbench.linux.LinuxException;
import zcbench.linux.Teardown;
import zcbench.linux.net.InetSocket;
import zcbench.linux.net.IpVersion;
import zcbench.linux.net.Protocol;
import zcbench.linux.net.Structs;

/**
 * The receiver role (docs/ARCHITECTURE.md, "The receiver"): binds an address, counts what arrives and checks
 * every record's stamp. UDP through the project's socket layer, for SO_RCVBUFFORCE (a receive buffer
 * above net.core.rmem_max without changing that global setting); TCP through plain NIO, a byte stream cut
 * into payload-sized records. {@code zcbench receive}, the {@code peer} target and the send tests share it.
 */
public final class Receiver implements AutoCloseable {
    /** Room for every datagram a test or a row's iteration sends before the receiver reads it. */
    public static final int RECEIVE_BUFFER = 256 << 20;
    /** How often the loop looks at its stop flag and the clock. */
    private static final int POLL_MILLIS = 100;
    private static final long SECOND = 1_000_000_000L;

    private final Protocol protocol;
    private final InetSocket udp;
    private final ServerSocketChannel tcp;
    private final int payload;
    private final InetSocketAddress address;
    private volatile boolean stopped;
    /** UDP: when a look that found the socket empty began ({@link System#nanoTime()}), once one has. */
    private volatile long foundEmptyAt;
    private volatile boolean foundEmpty;
    private Thread thread;
    private UdpLoop udpLoop;
    private TcpLoop tcpLoop;

    private Receiver(Protocol protocol, InetSocket udp, ServerSocketChannel tcp, int payload,
                     InetSocketAddress address) {
        this.protocol = protocol;
        this.udp = udp;
        this.tcp = tcp;
        this.payload = payload;
        this.address = address;
    }

    /**
     * Binds {@code address} (port 0: the kernel chooses) in the calling thread's network namespace; the
     * socket stays there after the thread leaves it. UDP with a receive buffer of {@link #RECEIVE_BUFFER},
     * TCP with the kernel's, which grows with the stream.
     *
     * @param payload the size of every record, or 0 to take it from each stamp (UDP) or the first (TCP)
     */
    public static Receiver bind(Protocol protocol, InetSocketAddress address, int payload) {
        return bind(protocol, address, payload, protocol == Protocol.UDP ? RECEIVE_BUFFER : 0);
    }

    /**
     * As {@link #bind(Protocol, InetSocketAddress, int)}, with a receive buffer of {@code receiveBuffer} bytes
     * (the kernel doubles it), or the kernel's own with 0. TCP: set on the listening socket, so that every
     * connection starts with it and keeps it; a small one holds the sender to a small window, so that its
     * send buffer fills and its sends come back short whenever the receiver lags.
     */
    public static Receiver bind(Protocol protocol, InetSocketAddress address, int payload, int receiveBuffer) {
        if (protocol == Protocol.UDP) {
            InetSocket s = InetSocket.udp(IpVersion.of(address.getAddress()));
            try {
                if (receiveBuffer > 0) {
                    s.setOption(SOL_SOCKET, SO_RCVBUFFORCE, receiveBuffer);
                }
                s.bind(address.getAddress(), address.getPort());
                return new Receiver(protocol, s, null, payload,
                        new InetSocketAddress(address.getAddress(), s.localAddress().getPort()));
            } catch (RuntimeException e) {
                s.close();
                throw e;
            }
        }
        ServerSocketChannel s = null;
        try {
            s = ServerSocketChannel.open();
            if (receiveBuffer > 0) {
                // Before listen: an accepted connection takes its buffer, and its window, from the listener.
                s.setOption(StandardSocketOptions.SO_RCVBUF, receiveBuffer);
            }
            s.bind(address);
            s.configureBlocking(false);
            return new Receiver(protocol, null, s, payload, (InetSocketAddress) s.getLocalAddress());
        } catch (IOException e) {
            closeQuietly(s, e);
            throw new UncheckedIOException("bind TCP " + address, e);
        }
    }

    public InetSocketAddress address() {
        return address;
    }

    public Protocol protocol() {
        return protocol;
    }

    /** Receives on a thread of its own until {@link #close()}. */
    public synchronized Receiver start(String threadName) {
        long forever = System.nanoTime() + Long.MAX_VALUE;
        thread = Thread.ofPlatform().name(threadName).daemon().start(() -> run(forever, t -> { }));
        return this;
    }

    /**
     * Receives on the calling thread until {@link #stop()} or the deadline ({@link System#nanoTime()}),
     * handing the totals so far to {@code everySecond} once a second.
     */
    public void run(long deadlineNanos, Consumer<Totals> everySecond) {
        long nextSecond = System.nanoTime() + SECOND;
        Loop loop = loop();
        while (!stopped && System.nanoTime() - deadlineNanos < 0) {
            loop.step((int) Math.clamp((deadlineNanos - System.nanoTime()) / 1_000_000, 1, POLL_MILLIS));
            long now = System.nanoTime();
            if (now - nextSecond >= 0) {
                everySecond.accept(totals());
                nextSecond += SECOND;
            }
        }
    }

    /** Made by the first run and kept, with its counts, by the ones after it. */
    private synchronized Loop loop() {
        if (protocol == Protocol.UDP) {
            if (udpLoop == null) {
                udpLoop = new UdpLoop();
            }
            return udpLoop;
        }
        if (tcpLoop == null) {
            tcpLoop = new TcpLoop(tcp, payload);
        }
        return tcpLoop;
    }

    /** Everything counted so far. */
    public synchronized Totals totals() {
        if (udpLoop != null) {
            return udpLoop.check.totals();
        }
        return tcpLoop != null ? tcpLoop.totals() : Totals.NONE;
    }

    /**
     * TCP: how many connections have ended (their sender closed them, or they could not be cut into records),
     * everything they carried counted; for a caller that must know a stream is complete, not only that the
     * records it waited for are in.
     */
    public synchronized int streamsEnded() {
        return tcpLoop != null ? tcpLoop.streamsEnded() : 0;
    }

    /**
     * UDP: whether the loop found the socket empty in a look that began at or after {@code nanoTime}, so that
     * every datagram queued before then has been counted.
     */
    public boolean foundEmptySince(long nanoTime) {
        return foundEmpty && foundEmptyAt - nanoTime >= 0;
    }

    private void emptyAt(long lookBegan) {
        foundEmptyAt = lookBegan;
        foundEmpty = true;
    }

    /** Ends {@link #run} at its next look at the flag. */
    public void stop() {
        stopped = true;
    }

    @Override
    public void close() {
        stop();
        Thread t;
        synchronized (this) {
            t = thread;
        }
        boolean stopped = true;
        if (t != null) {
            try {
                t.join(10 * POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            stopped = !t.isAlive();
        }
        // Closed either way: a thread still reading is woken by its socket's close.
        new Teardown().close(udp).close(tcpLoop).close(tcp).done();
        if (!stopped) {
            throw new IllegalStateException("receiver thread " + t.getName() + " did not stop within "
                    + 10 * POLL_MILLIS + " ms; its sockets were closed under it");
        }
    }

    private static void closeQuietly(AutoCloseable c, Exception cause) {
        if (c == null) {
            return;
        }
        try {
            c.close();
        } catch (Exception e) {
            if (cause != null) {
                cause.addSuppressed(e);
            }
        }
    }

    interface Loop {
        /** Waits up to {@code millis} for data and takes all that is there. */
        void step(int millis);
    }

    /** Datagrams: after each poll, every one queued, without waiting. */
    private final class UdpLoop implements Loop {
        final StampCheck check = new StampCheck(payload);
        private final MemorySegment buf;
        private final MemorySegment pollfd;

        UdpLoop() {
            // Any thread may run the loop, one at a time; the memory goes with the loop.
            Arena arena = Arena.ofAuto();
            buf = arena.allocate(1 << 16, 4096);
            pollfd = arena.allocate(Structs.POLLFD);
        }

        @Override
        public void step(int millis) {
            // Each look's start is taken before it: what it finds empty was empty from then on.
            long look = System.nanoTime();
            if (udp.poll(pollfd, POLLIN, millis) == 0) {
                emptyAt(look);
                return;
            }
            for (int i = 0; i < 1024; i++) {
                look = System.nanoTime();
                long n = udp.recv(buf, buf.byteSize(), MSG_DONTWAIT);
                if (n == -Errno.EAGAIN) {
                    emptyAt(look);
                    return;
                }
                check.record(buf, (int) LinuxException.check("recv", n));
            }
        }
    }
}

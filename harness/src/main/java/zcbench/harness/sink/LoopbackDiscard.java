package zcbench.harness.sink;

import java.net.Inet4Address;

import zcbench.linux.net.InetSocket;

/**
 * A UDP socket on 127.0.0.1 that is bound but never read: packets to it are delivered through
 * the loopback device and dropped when its receive buffer is full. Loopback delivery copies
 * every zero-copy send (skb_orphan_frags_rx), whoever reads, so this measures the copying path.
 * A bound socket keeps the kernel from answering with ICMP port-unreachable, which would fail
 * the sender's next send with ECONNREFUSED.
 */
public final class LoopbackDiscard implements Destination {
    private static final Inet4Address LOOPBACK = Inet4Address.ofLiteral("127.0.0.1");

    private final InetSocket discard = InetSocket.udp();
    private final int port;

    public LoopbackDiscard() {
        try {
            discard.bind(LOOPBACK, 0);
            port = discard.localAddress().getPort();
        } catch (RuntimeException e) {
            discard.close();
            throw e;
        }
    }

    @Override
    public InetSocket openConnectedUdp() {
        InetSocket s = InetSocket.udp();
        try {
            s.connect(LOOPBACK, port);
            return s;
        } catch (RuntimeException e) {
            s.close();
            throw e;
        }
    }

    @Override
    public long deliveredPackets() {
        return -1;
    }

    @Override
    public String target() {
        return "loopback";
    }

    @Override
    public void close() {
        discard.close();
    }
}

package zcbench.harness.targets;

import java.net.InetSocketAddress;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

import zcbench.linux.Teardown;
import zcbench.linux.net.InetSocket;
import zcbench.linux.net.IpVersion;
import zcbench.linux.net.Protocol;
import zcbench.variants.spi.Endpoint;
import zcbench.vocabulary.Knobs;

/**
 * A UDP socket on 127.0.0.1 (or ::1 for IPv6) that is bound but never read: packets to it are
 * delivered through the loopback device and dropped when its receive buffer is full. Loopback
 * delivery copies every zero-copy send (skb_orphan_frags_rx), whoever reads, so this measures the
 * copying path. A bound socket keeps the kernel from answering with ICMP port-unreachable, which
 * would fail the sender's next send with ECONNREFUSED. Each IP version's socket is bound when a
 * sender of that version first asks, so an IPv4 row needs nothing of IPv6. A TCP sender connects to a
 * listener whose end of each connection is read and discarded on a thread of its own ({@link TcpDiscard}).
 */
public final class LoopbackDiscard implements Destination {
    private final Map<IpVersion, InetSocket> discards = new EnumMap<>(IpVersion.class);
    private final Map<IpVersion, TcpDiscard> listeners = new EnumMap<>(IpVersion.class);

    @Override
    public Endpoint endpointTo(IpVersion ip, Protocol protocol) {
        InetSocketAddress at = protocol == Protocol.TCP ? listeners.computeIfAbsent(ip, TcpDiscard::new).address()
                : new InetSocketAddress(ip.loopback(), discard(ip).localAddress().getPort());
        return new Endpoint(protocol, at, Optional.empty());
    }

    private InetSocket discard(IpVersion ip) {
        InetSocket d = discards.get(ip);
        if (d == null) {
            d = InetSocket.udp(ip);
            try {
                d.bind(ip.loopback(), 0);
            } catch (RuntimeException e) {
                d.close();
                throw e;
            }
            discards.put(ip, d);
        }
        return d;
    }

    @Override
    public long deliveredPackets() {
        return -1;
    }

    @Override
    public String target() {
        return Knobs.TARGET_LOOPBACK;
    }

    @Override
    public void close() {
        Teardown t = new Teardown();
        listeners.values().forEach(t::close);
        discards.values().forEach(t::close);
        listeners.clear();
        discards.clear();
        t.done();
    }
}

package zcbench.linux.net;

import java.net.InetAddress;

/** UDP datagrams or a TCP stream: what a sender's socket is, as the protocol knob writes it. */
public enum Protocol {
    UDP("udp"),
    TCP("tcp");

    private final String id;

    Protocol(String id) {
        this.id = id;
    }

    /** "udp" or "tcp". */
    public String id() {
        return id;
    }

    /** A new socket of this protocol and {@code ip}, not yet connected; the caller owns it. */
    public InetSocket open(IpVersion ip) {
        return this == TCP ? InetSocket.tcp(ip) : InetSocket.udp(ip);
    }

    /** A new socket of this protocol connected to {@code address}; the caller owns it, and it is closed if that fails. */
    public InetSocket connect(InetAddress address, int port) {
        InetSocket s = open(IpVersion.of(address));
        try {
            s.connect(address, port);
            return s;
        } catch (RuntimeException e) {
            s.close();
            throw e;
        }
    }

    public static Protocol of(String id) {
        for (Protocol p : values()) {
            if (p.id.equals(id)) {
                return p;
            }
        }
        throw new IllegalArgumentException("protocol must be udp or tcp, not '" + id + "'");
    }
}

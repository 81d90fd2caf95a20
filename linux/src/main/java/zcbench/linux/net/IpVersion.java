package zcbench.linux.net;

import static zcbench.linux.net.NetConstants.AF_INET;
import static zcbench.linux.net.NetConstants.AF_INET6;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;

/** IPv4 or IPv6: the socket family, and the loopback address a test or the loopback target sends to. */
public enum IpVersion {
    V4("4", AF_INET, Inet4Address.ofLiteral("127.0.0.1")),
    V6("6", AF_INET6, Inet6Address.ofLiteral("::1"));

    private final String id;
    private final int family;
    private final InetAddress loopback;

    IpVersion(String id, int family, InetAddress loopback) {
        this.id = id;
        this.family = family;
        this.loopback = loopback;
    }

    /** "4" or "6", as the ip knob writes it. */
    public String id() {
        return id;
    }

    public int family() {
        return family;
    }

    public InetAddress loopback() {
        return loopback;
    }

    public static IpVersion of(String id) {
        for (IpVersion v : values()) {
            if (v.id.equals(id)) {
                return v;
            }
        }
        throw new IllegalArgumentException("ip must be 4 or 6, not '" + id + "'");
    }

    public static IpVersion of(InetAddress address) {
        return address instanceof Inet6Address ? V6 : V4;
    }
}

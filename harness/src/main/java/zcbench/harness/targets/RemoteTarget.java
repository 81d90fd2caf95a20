package zcbench.harness.targets;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Arrays;
import java.util.Optional;

import zcbench.linux.net.IpVersion;
import zcbench.linux.net.Protocol;
import zcbench.variants.spi.Endpoint;

/**
 * A receiver elsewhere, {@code udp://ADDR:PORT} or {@code tcp://ADDR:PORT}: {@code zcbench receive} on a
 * second machine. Traffic goes only to loopback or the benchmarking ranges ({@link #problem}); the
 * sender's socket is opened in the process's own namespace. It counts nothing here: the receiver's
 * summary says what arrived.
 */
public record RemoteTarget(String scheme, InetAddress address, int port) implements Target, Destination {

    /** Whether {@code target} is written as a remote receiver, right or wrong. */
    public static boolean isRemote(String target) {
        return target.contains("://");
    }

    /**
     * Parses and checks a target; the message of a refusal is one sentence saying what is allowed.
     *
     * @throws IllegalArgumentException naming what is wrong
     */
    public static RemoteTarget parse(String target) {
        URI uri;
        try {
            uri = new URI(target);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(usage(target));
        }
        String scheme = uri.getScheme();
        String host = uri.getHost();
        if (scheme == null || Arrays.stream(Protocol.values()).noneMatch(p -> p.id().equals(scheme)) || host == null
                || uri.getPort() <= 0 || (uri.getPath() != null && !uri.getPath().isEmpty())) {
            throw new IllegalArgumentException(usage(target));
        }
        String literal = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        InetAddress address;
        try {
            address = InetAddress.ofLiteral(literal);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("target " + target + " names no IP address; write the receiver's"
                    + " address itself (no host names), e.g. udp://198.18.0.2:9000 or tcp://[2001:2::2]:9000");
        }
        String problem = problem(address);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        return new RemoteTarget(scheme, address, uri.getPort());
    }

    private static String usage(String target) {
        return "target '" + target + "' is not udp://ADDR:PORT or tcp://ADDR:PORT (an IPv6 address in brackets:"
                + " udp://[2001:2::2]:9000)";
    }

    /**
     * Null when zcbench may send to {@code address}, else the sentence that refuses it: only loopback
     * (127.0.0.0/8, ::1) and the benchmarking ranges 198.18.0.0/15 (RFC 2544) and 2001:2::/48 (RFC 5180).
     */
    public static String problem(InetAddress address) {
        byte[] a = address.getAddress();
        boolean allowed = address.isLoopbackAddress()
                || (a.length == 4 && (a[0] & 0xff) == 198 && ((a[1] & 0xff) == 18 || (a[1] & 0xff) == 19))
                || (a.length == 16 && a[0] == 0x20 && a[1] == 0x01 && a[2] == 0 && a[3] == 0x02 && a[4] == 0
                        && a[5] == 0);
        return allowed ? null : address.getHostAddress() + " is not an address zcbench sends to: its traffic goes only"
                + " to loopback (127.0.0.0/8, ::1) or the benchmarking ranges 198.18.0.0/15 and 2001:2::/48, which"
                + " no production network routes, so that a benchmark never floods a network it was not meant for;"
                + " give the receiving machine an address there";
    }

    @Override
    public String id() {
        return target();
    }

    /** Nothing to make: the receiver is there already. */
    @Override
    public Destination open() {
        return this;
    }

    /** A receiver takes one protocol, its scheme's, and the IP version of its address. */
    @Override
    public Optional<String> refusal(IpVersion ip, Protocol protocol) {
        String target = target();
        if (protocol() != protocol) {
            return Optional.of("target " + target + " is a " + protocol().name() + " receiver and the row sends "
                    + protocol.name() + ": give protocol=" + protocol().id() + " or a " + protocol.id()
                    + ":// target");
        }
        IpVersion at = IpVersion.of(address);
        if (at != ip) {
            return Optional.of("target " + target + " is an IPv" + at.id() + " receiver and the row sends over IPv"
                    + ip.id() + ": give ip=" + at.id() + " or an IPv" + ip.id() + " receiver's address ("
                    + scheme + "://" + (ip == IpVersion.V6 ? "[ADDR]" : "ADDR") + ":PORT)");
        }
        return Optional.empty();
    }

    /** The protocol the receiver takes, its scheme's. */
    public Protocol protocol() {
        return Protocol.of(scheme);
    }

    /**
     * The receiver, from this process's own namespace; {@link #endpoint} has refused a row of another IP
     * version or protocol.
     */
    @Override
    public Endpoint endpointTo(IpVersion ip, Protocol protocol) {
        return new Endpoint(protocol, new InetSocketAddress(address, port), Optional.empty());
    }

    private String hostPort() {
        String host = address.getHostAddress();
        return (address.getAddress().length == 16 ? "[" + host + "]" : host) + ":" + port;
    }

    @Override
    public long deliveredPackets() {
        return -1;
    }

    @Override
    public String target() {
        return toString();
    }

    @Override
    public void close() {
        // Nothing of the receiver's is this process's to close.
    }

    @Override
    public String toString() {
        return scheme + "://" + hostPort();
    }
}

package zcbench.harness.targets;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import zcbench.linux.Libc;
import zcbench.linux.Teardown;
import zcbench.linux.net.IpVersion;
import zcbench.linux.net.Protocol;
import zcbench.variants.spi.Endpoint;
import zcbench.vocabulary.Knobs;

/**
 * The sink (docs/ARCHITECTURE.md, "Targets"): a network namespace of the project's own with {@code lo} up
 * and an ifb device (MTU 65535, qdisc noqueue) that frees every packet sent to it and counts it as RX
 * dropped. Its address is 198.18.0.1/24 (the benchmarking range); the destination, 198.18.0.2,
 * is a permanent neighbour on it, so no packet ever leaves the namespace. IPv6 is set up the same
 * way when a sender first asks for it: 2001:2::1/64 (the IPv6 benchmarking range) on the device,
 * 2001:2::2 a permanent neighbour.
 *
 * <p>Only the thread that opens a socket enters the namespace, and only for that call. The
 * namespace is removed as {@link OwnNamespaces} says.
 */
public final class SinkNetwork implements Destination {
    public static final String DEVICE = IfbCounter.DEVICE;
    public static final String LOCAL_ADDRESS = "198.18.0.1";
    public static final String DESTINATION = "198.18.0.2";
    public static final int PREFIX = 24;
    public static final String LOCAL_ADDRESS6 = "2001:2::1";
    public static final String DESTINATION6 = "2001:2::2";
    public static final int PREFIX6 = 64;
    /** The discard port; nothing listens, and nothing needs to: the device drops every packet. */
    public static final int DESTINATION_PORT = 9;

    private final OwnNamespaces namespaces;
    private final String name;
    private final IfbCounter ifb;
    private boolean ipv6;

    private SinkNetwork(OwnNamespaces namespaces, String name, IfbCounter ifb) {
        this.namespaces = namespaces;
        this.name = name;
        this.ifb = ifb;
    }

    /**
     * Why a sink cannot be made here, or null when it can: it needs root (CAP_NET_ADMIN and
     * CAP_SYS_ADMIN for setns) and iproute2. The forward and peer targets need the same.
     */
    public static String unavailableReason() {
        if (!isRoot()) {
            return "the sink needs root (CAP_NET_ADMIN to make a network namespace and an ifb device); running as uid "
                    + Libc.geteuid();
        }
        if (!Files.isExecutable(Path.of(Commands.locate("ip"))) || !Files.isExecutable(Path.of(Commands.locate("tc")))) {
            return "the sink needs iproute2's ip and tc (apt-get install iproute2)";
        }
        return null;
    }

    /** Fails with {@link #unavailableReason()}, before any namespace is made. */
    static void requireAvailable() {
        String reason = unavailableReason();
        if (reason != null) {
            throw new IllegalStateException(reason);
        }
    }

    static boolean isRoot() {
        return Libc.geteuid() == 0;
    }

    /** Makes a new sink; removes stale namespaces of dead zcbench processes first. */
    public static SinkNetwork create() {
        return create(Commands::run);
    }

    static SinkNetwork create(Commands.Runner run) {
        return OwnNamespaces.make(run, namespaces -> {
            String name = namespaces.add("");
            return new SinkNetwork(namespaces, name, IfbCounter.build(run, name, LOCAL_ADDRESS, PREFIX, DESTINATION));
        });
    }

    private synchronized void buildIpv6() {
        if (!ipv6) {
            ifb.buildIpv6(namespaces.commands(), LOCAL_ADDRESS6, PREFIX6, DESTINATION6);
            ipv6 = true;
        }
    }

    /** Namespaces named by this project whose process is gone: left by a killed run. */
    public static List<String> staleNamespaces() {
        return OwnNamespaces.stale();
    }

    public static List<String> listNamespaces() {
        return OwnNamespaces.list();
    }

    /** Removes the namespaces of {@link #staleNamespaces()} (needs root) and returns their names. */
    public static List<String> removeStale() {
        return OwnNamespaces.removeStale();
    }

    public String name() {
        return name;
    }

    public Path namespaceFile() {
        return OwnNamespaces.file(name);
    }

    public static InetAddress destination(IpVersion ip) {
        return ip == IpVersion.V6 ? Inet6Address.ofLiteral(DESTINATION6) : Inet4Address.ofLiteral(DESTINATION);
    }

    @Override
    public String target() {
        return Knobs.TARGET_SINK;
    }

    /** The sink's neighbour, from inside the namespace. */
    @Override
    public Endpoint endpointTo(IpVersion ip, Protocol protocol) {
        if (ip == IpVersion.V6) {
            buildIpv6();
        }
        return in(namespaceFile(), new InetSocketAddress(destination(ip), DESTINATION_PORT), protocol);
    }

    /** An endpoint whose sockets are made inside {@code namespace}. */
    static Endpoint in(Path namespace, InetSocketAddress address, Protocol protocol) {
        return new Endpoint(protocol, address, Optional.of(namespace));
    }

    /** Packets the ifb device freed. */
    @Override
    public long deliveredPackets() {
        return ifb.dropped();
    }

    @Override
    public void close() {
        new Teardown().close(ifb).close(namespaces).done();
    }
}

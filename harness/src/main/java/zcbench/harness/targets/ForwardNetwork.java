package zcbench.harness.targets;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

import zcbench.linux.Teardown;
import zcbench.linux.net.IpVersion;
import zcbench.linux.net.Protocol;
import zcbench.linux.ns.NetNamespace;
import zcbench.variants.spi.Endpoint;
import zcbench.vocabulary.Knobs;

/**
 * The forward target (docs/ARCHITECTURE.md, "Targets"): the sender's namespace, a veth pair
 * (198.18.1.0/24, 2001:2:0:1::/64) to a router namespace that forwards to an ifb sink there
 * (198.18.2.0/24, 2001:2:0:2::/64), whose RX dropped counter gives the delivered share. A forwarded
 * packet is never delivered locally, so on Linux 6.17+ it keeps its zero-copy pages.
 */
public final class ForwardNetwork implements Destination {
    static final String ROUTER = "r";
    private static final String SINK_NET = "198.18.2";
    private static final String SINK_NET6 = "2001:2:0:2::";
    /** net.ipv4.ip_forward. */
    static final Path IPV4_FORWARDING = Path.of("/proc/sys/net/ipv4/ip_forward");
    /** net.ipv6.conf.all.forwarding. */
    static final Path IPV6_FORWARDING = Path.of("/proc/sys/net/ipv6/conf/all/forwarding");

    private final OwnNamespaces namespaces;
    private final VethLink link;
    private final IfbCounter ifb;
    private boolean ipv6;

    private ForwardNetwork(OwnNamespaces namespaces, VethLink link, IfbCounter ifb) {
        this.namespaces = namespaces;
        this.link = link;
        this.ifb = ifb;
    }

    static ForwardNetwork create(Commands.Runner run) {
        return OwnNamespaces.make(run, namespaces -> {
            VethLink link = new VethLink(namespaces.add(""), namespaces.add(ROUTER), "198.18.1", "2001:2:0:1::");
            link.build(run);
            run.run("ip", "-n", link.near(), "route", "add", SINK_NET + ".0/24", "via", link.farAddress());
            IfbCounter ifb = IfbCounter.build(run, link.far(), SINK_NET + ".1", 24, SINK_NET + ".2");
            // The router namespace's own setting, made with it and gone with it: the machine's
            // net.ipv4.ip_forward is never touched (docs/ARCHITECTURE.md, "Targets").
            switchOn(link.far(), IPV4_FORWARDING);
            return new ForwardNetwork(namespaces, link, ifb);
        });
    }

    private synchronized void buildIpv6() {
        if (ipv6) {
            return;
        }
        Commands.Runner run = namespaces.commands();
        link.buildIpv6(run);
        run.run("ip", "-n", link.near(), "-6", "route", "add", SINK_NET6 + "/64", "via", link.farAddress6());
        ifb.buildIpv6(run, SINK_NET6 + "1", 64, SINK_NET6 + "2");
        // As for IPv4: the router namespace's own setting.
        switchOn(link.far(), IPV6_FORWARDING);
        ipv6 = true;
    }

    /**
     * Writes 1 to {@code setting} in {@code namespace} alone. A /proc/sys/net file acts on the network namespace
     * of the thread that opens it, so this thread enters the namespace for the write: no process, and no
     * sysctl binary to depend on.
     */
    static void switchOn(String namespace, Path setting) {
        write(namespace, setting, "1");
    }

    /** {@code value} into {@code setting} of {@code namespace}, from a thread that enters it for the write. */
    static void write(String namespace, Path setting, String value) {
        NetNamespace.<Void>callIn(OwnNamespaces.file(namespace), () -> {
            try {
                Files.writeString(setting, value, StandardOpenOption.WRITE);
            } catch (IOException e) {
                throw new IllegalStateException("cannot write " + value + " to " + setting + " in namespace "
                        + namespace + " (" + e + "): the forward target needs a writable /proc/sys (a container may"
                        + " mount it read-only)", e);
            }
            return null;
        });
    }

    /**
     * Whether this kernel keeps a forwarded packet's zero-copy pages (Linux 6.17+): before, the copied
     * column shows 100% on this target too.
     */
    public static boolean keepsZeroCopy() {
        String[] v = System.getProperty("os.version").split("[.-]");
        int major = Integer.parseInt(v[0]);
        return major > 6 || (major == 6 && Integer.parseInt(v[1]) >= 17);
    }

    /** The sink's neighbour behind the router. */
    static InetAddress destination(IpVersion ip) {
        return InetAddress.ofLiteral(ip == IpVersion.V6 ? SINK_NET6 + "2" : SINK_NET + ".2");
    }

    /** The two namespaces, the sender's first. */
    public List<String> names() {
        return List.of(link.near(), link.far());
    }

    @Override
    public Endpoint endpointTo(IpVersion ip, Protocol protocol) {
        if (ip == IpVersion.V6) {
            buildIpv6();
        }
        return SinkNetwork.in(OwnNamespaces.file(link.near()),
                new InetSocketAddress(destination(ip), SinkNetwork.DESTINATION_PORT), protocol);
    }

    @Override
    public long deliveredPackets() {
        return ifb.dropped();
    }

    @Override
    public String target() {
        return Knobs.TARGET_FORWARD;
    }

    @Override
    public void close() {
        new Teardown().close(ifb).close(namespaces).done();
    }
}

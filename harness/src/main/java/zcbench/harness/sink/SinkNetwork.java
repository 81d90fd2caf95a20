package zcbench.harness.sink;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import zcbench.linux.Libc;
import zcbench.linux.net.InetSocket;
import zcbench.linux.net.IpVersion;
import zcbench.linux.net.Protocol;
import zcbench.linux.ns.NetNamespace;
import zcbench.linux.proc.ProcFile;
import zcbench.linux.proc.ProcText;

/**
 * The sink (docs/ARCHITECTURE.md): a network namespace of the project's own with {@code lo} up and an ifb
 * device (MTU 65535, qdisc noqueue) that frees every packet sent to it and counts it as RX
 * dropped. Its address is 198.18.0.1/24 (the benchmarking range); the destination, 198.18.0.2,
 * is a permanent neighbour on it, so no packet ever leaves the namespace. IPv6 is set up the same
 * way when a sender first asks for it: 2001:2::1/64 (the IPv6 benchmarking range) on the device,
 * 2001:2::2 a permanent neighbour.
 *
 * <p>Only the thread that opens a socket enters the namespace, and only for that call. The
 * namespace is removed by {@link #close()}, by a shutdown hook if the JVM exits first, and, if the
 * process was killed, by the next {@link #create()} of any zcbench process.
 */
public final class SinkNetwork implements Destination {
    public static final String DEVICE = "zcsink0";
    /** How /proc/net/dev names the device at the start of its line. */
    private static final String DEVICE_COLUMN = DEVICE + ":";
    public static final String LOCAL_ADDRESS = "198.18.0.1";
    public static final String DESTINATION = "198.18.0.2";
    public static final int PREFIX = 24;
    public static final String LOCAL_ADDRESS6 = "2001:2::1";
    public static final String DESTINATION6 = "2001:2::2";
    public static final int PREFIX6 = 64;
    /** The neighbour's link-layer address: made up, since the device sends nothing anywhere. */
    private static final String NEIGHBOUR_LLADDR = "02:00:00:00:00:02";
    /** The discard port; nothing listens, and nothing needs to: the device drops every packet. */
    public static final int DESTINATION_PORT = 9;
    private static final String PREFIX_NAME = "zcbench-";
    private static final Pattern OWN_NAME = Pattern.compile("^" + PREFIX_NAME + "(\\d+)-\\d+$");
    private static final AtomicInteger COUNTER = new AtomicInteger();

    private final String name;
    private final Thread shutdownHook;
    private boolean closed;
    private boolean ipv6;
    private ProcFile netDev;

    private SinkNetwork(String name) {
        this.name = name;
        this.shutdownHook = new Thread(this::delete, "zcbench-sink-cleanup");
    }

    /**
     * Why a sink cannot be made here, or null when it can: it needs root (CAP_NET_ADMIN and
     * CAP_SYS_ADMIN for setns) and iproute2.
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

    static boolean isRoot() {
        return Libc.geteuid() == 0;
    }

    /** Makes a new sink; removes stale sinks of dead zcbench processes first. */
    public static SinkNetwork create() {
        String reason = unavailableReason();
        if (reason != null) {
            throw new IllegalStateException(reason);
        }
        removeStale();
        long pid = ProcessHandle.current().pid();
        SinkNetwork sink = new SinkNetwork(PREFIX_NAME + pid + "-" + COUNTER.incrementAndGet());
        try {
            sink.build();
        } catch (RuntimeException e) {
            sink.delete();
            throw e;
        }
        Runtime.getRuntime().addShutdownHook(sink.shutdownHook);
        return sink;
    }

    private void build() {
        Commands.run("ip", "netns", "add", name);
        Commands.run("ip", "-n", name, "link", "set", "lo", "up");
        Commands.run("ip", "-n", name, "link", "add", DEVICE, "type", "ifb");
        Commands.run("ip", "-n", name, "link", "set", DEVICE, "mtu", "65535");
        Commands.run("ip", "-n", name, "link", "set", DEVICE, "up");
        Commands.run("ip", "-n", name, "addr", "add", LOCAL_ADDRESS + "/" + PREFIX, "dev", DEVICE);
        Commands.run("ip", "-n", name, "neigh", "replace", DESTINATION, "lladdr", NEIGHBOUR_LLADDR, "dev", DEVICE,
                "nud", "permanent");
        Commands.run("tc", "-n", name, "qdisc", "replace", "dev", DEVICE, "root", "noqueue");
    }

    /**
     * The IPv6 address and neighbour, made once. nodad: duplicate address detection would keep the
     * address tentative for a second, and a socket could not use it as its source meanwhile.
     */
    private synchronized void buildIpv6() {
        if (ipv6) {
            return;
        }
        Commands.run("ip", "-n", name, "-6", "addr", "add", LOCAL_ADDRESS6 + "/" + PREFIX6, "dev", DEVICE, "nodad");
        Commands.run("ip", "-n", name, "-6", "neigh", "replace", DESTINATION6, "lladdr", NEIGHBOUR_LLADDR, "dev",
                DEVICE, "nud", "permanent");
        ipv6 = true;
    }

    /** Namespaces named by this project whose process is gone: left by a killed run. */
    public static List<String> staleNamespaces() {
        List<String> stale = new ArrayList<>();
        for (String ns : listNamespaces()) {
            Matcher m = OWN_NAME.matcher(ns);
            if (m.matches() && ProcessHandle.of(Long.parseLong(m.group(1))).map(p -> !p.isAlive()).orElse(true)) {
                stale.add(ns);
            }
        }
        return stale;
    }

    public static List<String> listNamespaces() {
        List<String> names = new ArrayList<>();
        for (String line : Commands.run("ip", "netns", "list").split("\n")) {
            String n = line.trim().split("\\s+")[0];
            if (!n.isEmpty()) {
                names.add(n);
            }
        }
        return names;
    }

    /** Removes the namespaces of {@link #staleNamespaces()} (needs root) and returns their names. */
    public static List<String> removeStale() {
        List<String> stale = staleNamespaces();
        for (String ns : stale) {
            NetNamespace.delete(Path.of("/var/run/netns", ns));
        }
        return stale;
    }

    public String name() {
        return name;
    }

    public Path namespaceFile() {
        return Path.of("/var/run/netns", name);
    }

    public static InetAddress destination(IpVersion ip) {
        return ip == IpVersion.V6 ? Inet6Address.ofLiteral(DESTINATION6) : Inet4Address.ofLiteral(DESTINATION);
    }

    @Override
    public String target() {
        return "sink";
    }

    /** A UDP socket made inside the namespace and connected to the sink's neighbour; TCP is refused. */
    @Override
    public InetSocket openConnected(IpVersion ip, Protocol protocol) {
        Destination.refusal(target(), protocol).ifPresent(why -> {
            throw new IllegalArgumentException(why);
        });
        if (ip == IpVersion.V6) {
            buildIpv6();
        }
        return NetNamespace.callIn(namespaceFile(), () -> {
            InetSocket s = InetSocket.udp(ip);
            try {
                s.connect(destination(ip), DESTINATION_PORT);
                return s;
            } catch (RuntimeException e) {
                s.close();
                throw e;
            }
        });
    }

    /**
     * Packets the ifb device freed: it counts them as RX dropped. Read from
     * /proc/thread-self/net/dev, which shows the calling thread's namespace, so no process is
     * started: this runs between a benchmark's iterations.
     */
    @Override
    public synchronized long deliveredPackets() {
        if (netDev == null) {
            // Opened inside the namespace, the file shows that namespace's devices from any thread.
            netDev = NetNamespace.callIn(namespaceFile(), () -> new ProcFile("/proc/thread-self/net/dev", 1 << 16));
        }
        ProcText text = netDev.reread();
        int at = text.indexAfter(DEVICE_COLUMN, 0);
        if (at < 0) {
            throw new IllegalStateException("no device " + DEVICE + " in /proc/net/dev of " + name);
        }
        // Receive: bytes packets errs drop ...
        return text.number(at, 3);
    }


    private synchronized void delete() {
        if (closed) {
            return;
        }
        closed = true;
        if (netDev != null) {
            netDev.close();
        }
        NetNamespace.delete(namespaceFile());
    }

    @Override
    public void close() {
        delete();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException alreadyShuttingDown) {
            // The hook runs or has run; delete() is idempotent.
        }
    }
}

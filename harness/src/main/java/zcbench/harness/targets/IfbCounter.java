package zcbench.harness.targets;

import zcbench.linux.ns.NetNamespace;
import zcbench.linux.proc.ProcFile;
import zcbench.linux.proc.ProcText;

/**
 * An ifb device that frees every packet sent to it, counting it as RX dropped: the end of the sink and
 * of the forward target. Its neighbour is permanent, with a made-up link-layer address, since the device
 * sends nothing anywhere; so no packet ever leaves the namespace.
 */
final class IfbCounter implements AutoCloseable {
    static final String DEVICE = "zcsink0";
    /** How /proc/net/dev names the device at the start of its line. */
    private static final String DEVICE_COLUMN = DEVICE + ":";
    private static final String NEIGHBOUR_LLADDR = "02:00:00:00:00:02";

    private final String namespace;
    private ProcFile netDev;

    private IfbCounter(String namespace) {
        this.namespace = namespace;
    }

    /** The device (MTU 65535, qdisc noqueue) with {@code address}/{@code prefix}, and {@code neighbour} on it. */
    static IfbCounter build(Commands.Runner run, String namespace, String address, int prefix, String neighbour) {
        run.run("ip", "-n", namespace, "link", "add", DEVICE, "type", "ifb");
        run.run("ip", "-n", namespace, "link", "set", DEVICE, "mtu", "65535");
        run.run("ip", "-n", namespace, "link", "set", DEVICE, "up");
        run.run("ip", "-n", namespace, "addr", "add", address + "/" + prefix, "dev", DEVICE);
        run.run("ip", "-n", namespace, "neigh", "replace", neighbour, "lladdr", NEIGHBOUR_LLADDR, "dev", DEVICE,
                "nud", "permanent");
        run.run("tc", "-n", namespace, "qdisc", "replace", "dev", DEVICE, "root", "noqueue");
        return new IfbCounter(namespace);
    }

    /**
     * The IPv6 address and neighbour. nodad: duplicate address detection would keep the address
     * tentative for a second, and a socket could not use it as its source meanwhile.
     */
    void buildIpv6(Commands.Runner run, String address, int prefix, String neighbour) {
        run.run("ip", "-n", namespace, "-6", "addr", "add", address + "/" + prefix, "dev", DEVICE, "nodad");
        run.run("ip", "-n", namespace, "-6", "neigh", "replace", neighbour, "lladdr", NEIGHBOUR_LLADDR, "dev",
                DEVICE, "nud", "permanent");
    }

    /**
     * Packets the device freed. Read from /proc/thread-self/net/dev, which shows the calling thread's
     * namespace, so no process is started: this runs between a benchmark's iterations.
     */
    synchronized long dropped() {
        if (netDev == null) {
            // Opened inside the namespace, the file shows that namespace's devices from any thread.
            netDev = NetNamespace.callIn(OwnNamespaces.file(namespace),
                    () -> new ProcFile("/proc/thread-self/net/dev", 1 << 16));
        }
        ProcText text = netDev.reread();
        int at = text.indexAfter(DEVICE_COLUMN, 0);
        if (at < 0) {
            throw new IllegalStateException("no device " + DEVICE + " in /proc/net/dev of " + namespace);
        }
        // Receive: bytes packets errs drop ...
        return text.number(at, 3);
    }

    @Override
    public synchronized void close() {
        if (netDev != null) {
            netDev.close();
            netDev = null;
        }
    }
}

package zcbench.harness.targets;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import zcbench.linux.Teardown;
import zcbench.linux.ns.NetNamespace;

/**
 * The network namespaces of one target's topology (docs/ARCHITECTURE.md, "Targets"): named
 * {@code zcbench-PID-N} (the sender's side) and {@code zcbench-PID-N-ROLE} (a router, a peer), so that the
 * next run of any zcbench process can tell and remove those of a killed one. Every device lives in one
 * of them (a veth pair goes with either end's namespace), so removing the namespaces removes everything.
 * Removed by {@link #close()}, by a shutdown hook if the JVM exits first, and by the next run's
 * {@link #removeStale()} if the process was killed.
 */
final class OwnNamespaces implements AutoCloseable {
    static final String PREFIX = "zcbench-";
    private static final Pattern OWN_NAME = Pattern.compile("^" + PREFIX + "(\\d+)-\\d+(-[a-z]+)?$");
    private static final AtomicInteger COUNTER = new AtomicInteger();

    private final String base;
    private final Commands.Runner run;
    private final List<String> made = new ArrayList<>();
    private final Thread shutdownHook;
    private boolean closed;

    /** Removes stale namespaces first; the hook is in place before the first namespace is made. */
    OwnNamespaces(Commands.Runner run) {
        removeStale();
        this.run = run;
        this.base = PREFIX + ProcessHandle.current().pid() + "-" + COUNTER.incrementAndGet();
        this.shutdownHook = new Thread(this::delete, "zcbench-namespace-cleanup");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /**
     * Makes a topology with {@code build}, or, when a step fails, removes what it made and fails with
     * that step's failure.
     */
    static <T> T make(Commands.Runner run, Function<OwnNamespaces, T> build) {
        SinkNetwork.requireAvailable();
        OwnNamespaces namespaces = new OwnNamespaces(run);
        try {
            return build.apply(namespaces);
        } catch (RuntimeException e) {
            new Teardown().close(namespaces).doneAfter(e);
            throw e;
        }
    }

    /** Makes the namespace of {@code role} ("" for the sender's side) with lo up, and returns its name. */
    synchronized String add(String role) {
        String name = role.isEmpty() ? base : base + "-" + role;
        // Listed before it exists: a failure half-way still removes it.
        made.add(name);
        run.run("ip", "netns", "add", name);
        run.run("ip", "-n", name, "link", "set", "lo", "up");
        return name;
    }

    Commands.Runner commands() {
        return run;
    }

    static Path file(String name) {
        return Path.of("/var/run/netns", name);
    }

    /** Namespaces named by this project whose process is gone: left by a killed run. */
    static List<String> stale() {
        List<String> stale = new ArrayList<>();
        for (String ns : list()) {
            Matcher m = OWN_NAME.matcher(ns);
            if (m.matches() && ProcessHandle.of(Long.parseLong(m.group(1))).map(p -> !p.isAlive()).orElse(true)) {
                stale.add(ns);
            }
        }
        return stale;
    }

    static List<String> list() {
        List<String> names = new ArrayList<>();
        for (String line : Commands.run("ip", "netns", "list").split("\n")) {
            String n = line.trim().split("\\s+")[0];
            if (!n.isEmpty()) {
                names.add(n);
            }
        }
        return names;
    }

    static List<String> removeStale() {
        List<String> stale = stale();
        for (String ns : stale) {
            NetNamespace.delete(file(ns));
        }
        return stale;
    }

    /** Idempotent; the peers' namespaces first, the sender's last. */
    private synchronized void delete() {
        if (closed) {
            return;
        }
        closed = true;
        Teardown t = new Teardown();
        for (String name : made.reversed()) {
            t.step(() -> NetNamespace.delete(file(name)));
        }
        t.done();
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

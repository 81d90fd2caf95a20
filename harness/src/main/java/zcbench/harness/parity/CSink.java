package zcbench.harness.parity;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import zcbench.linux.exec.TimedCommand;

/**
 * The sink the C tools send to: a namespace made as zcbench's sink is (docs/C-TOOLS.md, "The same row as a C run": an ifb
 * device that frees every packet, 198.18.0.1/24, the destination a permanent neighbour, no queue), named
 * {@code zcbench-PID-0-c} so that a run killed before its close leaves a namespace the next run's sweep of
 * zcbench's own names removes. Owned by the parity run, removed by {@link #close()}.
 */
final class CSink implements AutoCloseable {
    /** iproute2 answers in milliseconds: this only catches a hung command. */
    private static final Duration IP_LIMIT = Duration.ofSeconds(30);
    private static final String DEVICE = "zcsink0";

    private final String name;
    private boolean made;

    private CSink(String name) {
        this.name = name;
    }

    /** Makes the namespace and its sink; a failed step removes what was made. */
    static CSink open() {
        CSink sink = new CSink("zcbench-" + ProcessHandle.current().pid() + "-0-c");
        try {
            sink.ip("netns", "add", sink.name);
            sink.made = true;
            sink.ip("-n", sink.name, "link", "set", "lo", "up");
            sink.ip("-n", sink.name, "link", "add", DEVICE, "type", "ifb");
            sink.ip("-n", sink.name, "link", "set", DEVICE, "mtu", "65535", "up");
            sink.ip("-n", sink.name, "addr", "add", "198.18.0.1/24", "dev", DEVICE);
            sink.ip("-n", sink.name, "neigh", "replace", CCommand.DESTINATION, "lladdr", "02:00:00:00:00:02", "dev",
                    DEVICE, "nud", "permanent");
            sink.run(List.of("tc", "-n", sink.name, "qdisc", "replace", "dev", DEVICE, "root", "noqueue"),
                    IP_LIMIT);
            return sink;
        } catch (RuntimeException e) {
            sink.close();
            throw e;
        }
    }

    /** Runs {@code argv} in the namespace within {@code limit}: its exit status and output. */
    TimedCommand.Ended exec(List<String> argv, Duration limit) {
        List<String> inside = new ArrayList<>(List.of("ip", "netns", "exec", name));
        inside.addAll(argv);
        return runEnded(inside, limit);
    }

    String name() {
        return name;
    }

    @Override
    public void close() {
        if (made) {
            made = false;
            ip("netns", "del", name);
        }
    }

    private void ip(String... args) {
        List<String> argv = new ArrayList<>(List.of("ip"));
        argv.addAll(List.of(args));
        run(argv, IP_LIMIT);
    }

    private static void run(List<String> argv, Duration limit) {
        TimedCommand.Ended ended = runEnded(argv, limit);
        if (ended.exit() != 0) {
            throw new IllegalStateException(String.join(" ", argv) + " failed (exit " + ended.exit() + "): "
                    + ended.output());
        }
    }

    private static TimedCommand.Ended runEnded(List<String> argv, Duration limit) {
        String named = String.join(" ", argv);
        try {
            return TimedCommand.run(argv, limit);
        } catch (IOException e) {
            throw new IllegalStateException(named + ": cannot run (" + e.getMessage() + ")", e);
        } catch (TimedCommand.TimedOut e) {
            throw new IllegalStateException(named + ": no end within " + limit.toSeconds() + " s, killed; it"
                    + " printed: " + e.printed());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(named + ": interrupted", e);
        }
    }
}

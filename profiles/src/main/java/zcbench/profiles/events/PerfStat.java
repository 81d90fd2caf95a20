package zcbench.profiles.events;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import zcbench.linux.Libc;
import zcbench.linux.exec.TimedCommand;
import zcbench.vocabulary.KernelEvent;

/**
 * One {@code perf stat} counting every {@link KernelEvent} on some CPUs (all of them when none are named),
 * started with its events disabled and driven through its control descriptors: its stdin takes "enable"
 * and "disable", its stdout answers "ack" once the counters are on or off, so the count spans exactly the
 * window between the two answers (docs/ARCHITECTURE.md, "Kernel events"). SIGINT ends it, and it prints
 * the counts, CSV, on stderr.
 */
public final class PerfStat implements AutoCloseable {
    static final String PERF = "perf";
    /** Where tracefs is mounted on current kernels, and where older set-ups reach it through debugfs. */
    static final List<Path> TRACEFS = List.of(Path.of("/sys/kernel/tracing"), Path.of("/sys/kernel/debug/tracing"));
    private static final long EXIT_LIMIT_SECONDS = 10;

    private final Process process;
    private final OutputStream control;
    private final InputStream acks;

    private PerfStat(Process process) {
        this.process = process;
        this.control = process.getOutputStream();
        this.acks = process.getInputStream();
    }

    /** perf's arguments: CSV, every event, system-wide on {@code cpus} ("" for all), disabled until enabled. */
    public static List<String> onCpus(String cpus) {
        return onCpus(cpus, TRACEFS);
    }

    /** {@link #onCpus(String)} with tracefs looked for at {@code mounts}. */
    static List<String> onCpus(String cpus, List<Path> mounts) {
        return command(cpus.isEmpty() ? List.of("-a") : List.of("-a", "-C", cpus), mounts);
    }

    /** The same for one thread wherever it runs, and for what interrupts it there (softirq work included). */
    public static List<String> onThread(long tid) {
        return command(List.of("-t", Long.toString(tid)), TRACEFS);
    }

    private static List<String> command(List<String> what, List<Path> mounts) {
        List<String> c = new ArrayList<>(withTracefs(mounts));
        c.addAll(List.of(PERF, "stat", "-x,", "-e", events()));
        c.addAll(what);
        c.addAll(List.of("-D", "-1", "--control", "fd:0,1"));
        return c;
    }

    /**
     * What perf's command line starts with: nothing where tracefs is mounted (at the first of {@code mounts} that
     * has its events); where it is not, a mount namespace of perf's own with tracefs mounted in it, which perf
     * reads the tracepoints' ids from (docs/ARCHITECTURE.md, "Kernel events"). The rest of the machine sees no
     * mount; perf keeps the pid (unshare and sh exec it), so SIGINT and its control descriptors reach it.
     */
    static List<String> withTracefs(List<Path> mounts) {
        if (tracefs(mounts).isPresent()) {
            return List.of();
        }
        return List.of("unshare", "--mount", "--propagation", "private", "sh", "-c",
                "mount -t tracefs nodev \"$0\" && exec \"$@\"", mounts.getFirst().toString());
    }

    private static Optional<Path> tracefs(List<Path> mounts) {
        return mounts.stream().filter(d -> Files.isDirectory(d.resolve("events"))).findFirst();
    }

    static String events() {
        return Arrays.stream(KernelEvent.values()).map(KernelEvent::tracepoint).collect(Collectors.joining(","));
    }

    /** Starts perf and turns its counters on; returns once they count. */
    public static PerfStat start(List<String> command) {
        Process p;
        try {
            p = new ProcessBuilder(command).start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot start perf: " + e.getMessage(), e);
        }
        PerfStat perf = new PerfStat(p);
        try {
            perf.send("enable");
        } catch (RuntimeException e) {
            perf.close();
            throw e;
        }
        return perf;
    }

    /** Turns the counters off, ends perf and returns what they counted. */
    public Map<KernelEvent, Long> stop() {
        try {
            send("disable");
            Libc.kill(process.pid(), Libc.SIGINT);
            if (!process.waitFor(EXIT_LIMIT_SECONDS, TimeUnit.SECONDS)) {
                throw new IllegalStateException("perf stat did not exit within " + EXIT_LIMIT_SECONDS + " s of SIGINT");
            }
            return parse(new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read perf stat's counts: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted waiting for perf stat", e);
        } finally {
            close();
        }
    }

    private void send(String what) {
        try {
            control.write((what + "\n").getBytes(StandardCharsets.US_ASCII));
            control.flush();
            String answer = awaitAnswer(what);
            if (!answer.equals("ack")) {
                throw new IllegalStateException("perf stat did not acknowledge '" + what + "'"
                        + (answer.isEmpty() ? "" : " (it answered '" + answer + "')") + ": " + errors());
            }
        } catch (IOException e) {
            throw new IllegalStateException("perf stat did not take '" + what + "': " + e.getMessage() + "; "
                    + errors(), e);
        }
    }

    /**
     * perf's answer line, read byte by byte within a limit: a perf that neither answers nor exits would
     * otherwise hold the iteration forever. perf writes each answer as a C string, "ack\n" and its NUL, so
     * the NUL of one answer comes before the next; NULs are skipped. Empty when perf exited first.
     */
    private String awaitAnswer(String what) throws IOException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(EXIT_LIMIT_SECONDS);
        StringBuilder answer = new StringBuilder();
        while (true) {
            if (acks.available() > 0) {
                int b = acks.read();
                if (b < 0 || b == '\n') {
                    return answer.toString();
                }
                if (b != 0) {
                    answer.append((char) b);
                }
                continue;
            }
            if (!process.isAlive()) {
                return answer.toString();
            }
            if (System.nanoTime() - deadline > 0) {
                throw new IllegalStateException("perf stat did not acknowledge '" + what + "' within "
                        + EXIT_LIMIT_SECONDS + " s; it still runs (pid " + process.pid() + ")");
            }
            try {
                Thread.sleep(1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted waiting for perf stat to acknowledge '" + what + "'", e);
            }
        }
    }

    /** What perf said on stderr, once it has exited; empty while it runs. */
    private String errors() {
        try {
            if (process.waitFor(1, TimeUnit.SECONDS)) {
                return new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            }
        } catch (IOException | InterruptedException e) {
            return e.getMessage();
        }
        return "perf still runs";
    }

    /**
     * perf stat's CSV lines, "count,unit,event,run time,percentage,...": the count of each event; an event it
     * could not count ("&lt;not counted&gt;", "&lt;not supported&gt;") is an error. Other lines ("Events
     * enabled") are perf's notes.
     */
    static Map<KernelEvent, Long> parse(String csv) {
        Map<KernelEvent, Long> counts = new EnumMap<>(KernelEvent.class);
        for (String line : csv.lines().toList()) {
            String[] f = line.split(",", -1);
            if (f.length < 3) {
                continue;
            }
            Optional<KernelEvent> event = KernelEvent.ofTracepoint(f[2]);
            if (event.isEmpty()) {
                continue;
            }
            try {
                counts.put(event.get(), Long.parseLong(f[0]));
            } catch (NumberFormatException e) {
                throw new IllegalStateException("perf stat could not count " + f[2] + ": " + f[0]);
            }
        }
        if (counts.size() != KernelEvent.values().length) {
            throw new IllegalStateException("perf stat's output lacks some events: " + csv.strip());
        }
        return counts;
    }

    /**
     * What this machine lacks for counting the events, as one sentence, or empty: perf on the PATH, tracefs
     * (mounted, or mountable in perf's own mount namespace), each tracepoint present, and perf allowed to count
     * them system-wide. Without tracefs mounted here, perf's own trial in its namespace finds a missing tracepoint.
     */
    static Optional<String> missing() {
        return missing(TRACEFS, PERF);
    }

    /** {@link #missing()} with tracefs looked for at {@code mounts} and perf run as {@code perf}. */
    static Optional<String> missing(List<Path> mounts, String perf) {
        Optional<Path> tracefs = tracefs(mounts);
        List<String> absent = tracefs.isEmpty() ? List.of() : Arrays.stream(KernelEvent.values())
                .filter(e -> !Files.isDirectory(tracefs.get().resolve("events").resolve(e.tracefsPath())))
                .map(KernelEvent::tracepoint).toList();
        if (!absent.isEmpty()) {
            return Optional.of("--events needs the tracepoints " + String.join(", ", absent) + ", which this"
                    + " kernel lacks (" + tracefs.get().resolve("events") + ")");
        }
        List<String> trial = new ArrayList<>(withTracefs(mounts));
        trial.addAll(List.of(perf, "stat", "-x,", "-e", events(), "-a", "true"));
        try {
            // perf's counts and errors go to stderr; true prints nothing, so the first line is perf's (or mount's).
            TimedCommand.Ended ended = TimedCommand.run(trial, Duration.ofSeconds(EXIT_LIMIT_SECONDS));
            if (ended.exit() != 0) {
                String said = ended.output().lines().findFirst().orElse("no message");
                return Optional.of(tracefs.isPresent() ? "--events needs perf to count tracepoints on every CPU, and '"
                        + String.join(" ", trial) + "' failed: " + said
                        : "--events needs tracefs, which is not mounted here (" + mounts.getFirst() + "), and perf in a"
                        + " mount namespace of its own with tracefs mounted there ('" + String.join(" ", trial)
                        + "') failed: " + said);
            }
        } catch (TimedCommand.TimedOut e) {
            return Optional.of("--events needs perf to count tracepoints on every CPU, and '"
                    + String.join(" ", trial) + "' did not end within " + EXIT_LIMIT_SECONDS + " s");
        } catch (IOException e) {
            return Optional.of("--events needs perf (linux-perf), and it cannot be started: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of("--events: interrupted checking perf");
        }
        return Optional.empty();
    }

    /** Ends perf if it still runs (a failed iteration), without its counts. */
    @Override
    public void close() {
        process.destroy();
        try {
            control.close();
            acks.close();
        } catch (IOException e) {
            // perf is gone; its pipes' close has nothing to report
        }
    }
}

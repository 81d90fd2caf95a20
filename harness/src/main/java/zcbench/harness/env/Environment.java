package zcbench.harness.env;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import zcbench.harness.sink.SinkNetwork;
import zcbench.linux.Libc;
import zcbench.linux.sched.Affinity;
import zcbench.linux.uring.IoUring;
import zcbench.linux.uring.Probe;

/**
 * What a run's numbers depend on, captured beside every result (env.json) and printed by
 * {@code env}. Every value is read from this machine; what cannot be read says why.
 */
public final class Environment {
    private Environment() {
    }

    public static Map<String, Object> capture() {
        Map<String, Object> env = new LinkedHashMap<>();
        env.put("captured_at", OffsetDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        env.put("hostname", hostname());
        env.put("kernel", read("/proc/sys/kernel/osrelease"));
        env.put("kernel_version", read("/proc/sys/kernel/version"));
        env.put("cpus_online", Runtime.getRuntime().availableProcessors());
        env.put("cpu_affinity", Affinity.currentThread().toString());
        env.put("cpu_model", cpuModel());
        env.put("hardware_pmu", Files.isDirectory(Path.of("/sys/bus/event_source/devices/cpu"))
                ? "yes" : "no (perf has software events only: cpu-clock, task-clock)");
        env.put("memory_total", meminfo("MemTotal"));
        env.put("jdk", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
        env.put("java_home", System.getProperty("java.home"));
        env.put("euid", Libc.geteuid());
        String sinkReason = SinkNetwork.unavailableReason();
        env.put("sink", sinkReason == null ? "available (network namespace with an ifb device)" : "unavailable: " + sinkReason);
        env.putAll(ioUring());
        env.put("net.core.optmem_max", read("/proc/sys/net/core/optmem_max"));
        env.put("net.core.wmem_max", read("/proc/sys/net/core/wmem_max"));
        env.put("net.core.wmem_default", read("/proc/sys/net/core/wmem_default"));
        env.put("kernel.perf_event_paranoid", read("/proc/sys/kernel/perf_event_paranoid"));
        env.put("kernel.kptr_restrict", read("/proc/sys/kernel/kptr_restrict"));
        env.put("memlock_limit", limit("Max locked memory"));
        env.put("knob_flush", "user-space reaping policy (6.0+ kernels always post one notification per SEND_ZC):"
                + " true = wait for every notification of a batch before reusing its buffers; false = buffers rotate,"
                + " notifications reaped lazily");
        env.put("knob_ubuf_cache", "user-space analogue of the RFC's kernel ubuf_info cache (not switchable on a stock"
                + " kernel): on = per-request state from a recycled pool; off = allocated per request");
        env.put("knob_poll", "copy and msg_zerocopy: true = MSG_DONTWAIT send + poll(POLLOUT) per packet, the kernel"
                + " selftest's loop and the RFC's baseline; false = blocking sends, no poll");
        env.put("knob_verify", "true = every packet stamped, a buffer reused only after its notification; false = one"
                + " unchanging buffer sent again and again, as the C tools do");
        env.putAll(cpuPlacement());
        return env;
    }

    /**
     * Where a row's threads run with the default cpu=last: the sender pinned to the last usable CPU,
     * every other thread of the fork confined to the rest for the row (each row's jmh.log says it again).
     */
    private static Map<String, Object> cpuPlacement() {
        Map<String, Object> m = new LinkedHashMap<>();
        java.util.BitSet usable = Affinity.currentThread();
        int sender = usable.length() - 1;
        java.util.BitSet others = (java.util.BitSet) usable.clone();
        others.clear(sender);
        m.put("sender_cpu", sender);
        m.put("other_threads_cpus", others.isEmpty() ? "none left: the fork's other threads share CPU " + sender
                : others.toString());
        return m;
    }

    private static Map<String, Object> ioUring() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("io_uring_disabled", read("/proc/sys/kernel/io_uring_disabled"));
        try (IoUring ring = IoUring.open(2, 0)) {
            Probe probe = ring.probe();
            m.put("io_uring_ops", String.join(" ", probe.relevantOps()));
            m.put("io_uring_last_op", probe.lastOp());
            m.put("io_uring_features", "0x" + Integer.toHexString(ring.features()));
        } catch (RuntimeException e) {
            m.put("io_uring_ops", "unavailable: " + e.getMessage());
        }
        return m;
    }

    private static String hostname() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return read("/proc/sys/kernel/hostname");
        }
    }

    private static String cpuModel() {
        for (String line : lines("/proc/cpuinfo")) {
            if (line.startsWith("model name")) {
                return line.substring(line.indexOf(':') + 1).trim();
            }
        }
        return "unknown";
    }

    private static String meminfo(String key) {
        for (String line : lines("/proc/meminfo")) {
            if (line.startsWith(key + ":")) {
                return line.substring(key.length() + 1).trim();
            }
        }
        return "unknown";
    }

    /** A row of /proc/self/limits: soft and hard limit with unit. */
    private static String limit(String name) {
        for (String line : lines("/proc/self/limits")) {
            if (line.startsWith(name)) {
                String[] f = line.substring(name.length()).trim().split("\\s+");
                return f.length >= 3 ? "soft " + f[0] + ", hard " + f[1] + " " + f[2] : String.join(" ", f);
            }
        }
        return "unknown";
    }

    /**
     * Reads a /proc file in one large read. Files.readString sizes its first read by the file's
     * size, which procfs reports as 0, and a sysctl file answers a short read at offset 0 with
     * only the first bytes and then EOF: optmem_max would read as "1".
     */
    private static String read(String path) {
        try (var in = new java.io.FileInputStream(path)) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            return "unreadable (" + e.getClass().getSimpleName() + ")";
        }
    }

    private static List<String> lines(String path) {
        try {
            return Files.readAllLines(Path.of(path));
        } catch (IOException e) {
            return List.of();
        }
    }

    /** Aligned "key  value" lines for the terminal. */
    public static String render(Map<String, Object> env) {
        int width = env.keySet().stream().mapToInt(String::length).max().orElse(0);
        StringBuilder sb = new StringBuilder();
        env.forEach((k, v) -> sb.append(String.format("%-" + width + "s  %s%n", k, v)));
        return sb.toString();
    }
}

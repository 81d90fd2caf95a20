package zcbench.harness.env;

import java.io.FileInputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import zcbench.harness.bench.CpuChoice;
import zcbench.harness.targets.SinkNetwork;
import zcbench.linux.Libc;
import zcbench.linux.mem.HugePages;
import zcbench.linux.sched.Affinity;
import zcbench.linux.uring.IoUring;
import zcbench.linux.uring.Probe;
import zcbench.variants.Requirements;
import zcbench.vocabulary.Knobs;

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
        env.put("zcbench_version", BuildVersion.get());
        env.put("command_line", commandLine());
        env.put("hostname", hostname());
        env.put("kernel", read("/proc/sys/kernel/osrelease"));
        env.put("kernel_version", read("/proc/sys/kernel/version"));
        env.put("kernel_cmdline", read("/proc/cmdline"));
        env.put("cpus_online", Runtime.getRuntime().availableProcessors());
        env.put("cpu_affinity", Affinity.currentThread().toString());
        env.put("cpu_model", cpuModel());
        env.put("hardware_pmu", Files.isDirectory(Path.of("/sys/bus/event_source/devices/cpu"))
                ? "yes" : "no (perf has software events only: cpu-clock, task-clock)");
        env.put("cpu_governor", perCpu("cpufreq/scaling_governor"));
        env.put("cpu_frequency_khz", perCpu("cpufreq/scaling_cur_freq"));
        env.put("cpu_frequency_max_khz", perCpu("cpufreq/cpuinfo_max_freq"));
        env.put("cpu_boost", firstReadable("/sys/devices/system/cpu/cpufreq/boost",
                "/sys/devices/system/cpu/intel_pstate/no_turbo"));
        env.put("cpu_vulnerabilities", vulnerabilities());
        env.put("memory_total", meminfo("MemTotal"));
        env.put("transparent_hugepage", selected(HugePages.TRANSPARENT_ENABLED));
        env.put("transparent_hugepage_defrag", selected("/sys/kernel/mm/transparent_hugepage/defrag"));
        // The reserved pool that memory=hugetlb rows draw from (vm.nr_hugepages), and its page size.
        env.put("hugepages_total", meminfo("HugePages_Total"));
        env.put("hugepages_free", meminfo("HugePages_Free"));
        env.put("hugepagesize", meminfo("Hugepagesize"));
        env.put("loadavg_at_start", loadAverage());
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
        Knobs.ALL.stream().filter(k -> !k.meaning().isEmpty()).forEach(k -> env.put("knob_" + k.name(), k.meaning()));
        env.putAll(cpuPlacement());
        return env;
    }

    /**
     * Where a row's threads run with the default cpu=last: the sender pinned to the last usable CPU,
     * every other thread of the fork confined to the rest for the row (each row's jmh.log says it again).
     */
    private static Map<String, Object> cpuPlacement() {
        Map<String, Object> m = new LinkedHashMap<>();
        int sender = CpuChoice.parse(Knobs.CPU.defaultValue());
        BitSet others = CpuChoice.leftToOthers(new int[] {sender});
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
        Requirements.Features kernel = Requirements.Features.of(Requirements.THIS_MACHINE);
        m.put("io_uring_sendmsg_zc", has(kernel.sendmsgZc(), Requirements.NEEDS_SENDMSG_ZC));
        m.put("io_uring_sendmsg_zc_fixed_buf", has(kernel.sendmsgZcFixedBuf(), Requirements.NEEDS_SENDMSG_ZC_FIXED_BUF));
        m.put("io_uring_send_vectorized", has(kernel.sendVectorized(), Requirements.NEEDS_SEND_VECTORIZED));
        return m;
    }

    /** "yes", or "no: needs Linux 6.17+ (IORING_SEND_VECTORIZED)": the rows that use it are skipped. */
    private static String has(boolean feature, String needs) {
        return feature ? "yes" : "no: rows that use it are skipped, each " + needs;
    }

    /**
     * The JVM's whole command line from /proc/self/cmdline, each argument shell-quoted where needed, so that a
     * reader can run it again.
     */
    static String commandLine() {
        try (var in = new FileInputStream("/proc/self/cmdline")) {
            String raw = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return Arrays.stream(raw.split("\0")).filter(a -> !a.isEmpty()).map(Environment::quote)
                    .collect(Collectors.joining(" "));
        } catch (IOException e) {
            return "unreadable (" + e.getClass().getSimpleName() + ")";
        }
    }

    /** The 1, 5 and 15 minute load averages, e.g. "0.52 0.31 0.12". */
    public static String loadAverage() {
        String[] f = read("/proc/loadavg").split("\\s+");
        return f.length >= 3 ? f[0] + " " + f[1] + " " + f[2] : String.join(" ", f);
    }

    public static String quote(String arg) {
        return arg.matches("[A-Za-z0-9_@%+=:,./-]+") ? arg : "'" + arg.replace("'", "'\\''") + "'";
    }

    /**
     * One file under /sys/devices/system/cpu/cpuN/ for every online CPU: "performance" when all agree, else
     * "cpu0 performance, cpu1 powersave". Virtual machines often have no cpufreq: that is said, not guessed.
     */
    private static String perCpu(String file) {
        Map<String, String> values = new TreeMap<>();
        for (int cpu = 0; cpu < Runtime.getRuntime().availableProcessors(); cpu++) {
            Path p = Path.of("/sys/devices/system/cpu/cpu" + cpu, file);
            if (Files.isReadable(p)) {
                values.put("cpu" + cpu, read(p.toString()));
            }
        }
        if (values.isEmpty()) {
            return "not readable: no " + file + " in sysfs (no cpufreq driver; usual in a virtual machine)";
        }
        if (values.values().stream().distinct().count() == 1) {
            return values.values().iterator().next();
        }
        return String.join(", ", values.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).toList());
    }

    private static String firstReadable(String... paths) {
        for (String path : paths) {
            if (Files.isReadable(Path.of(path))) {
                return path.substring(path.lastIndexOf('/') + 1) + " " + read(path);
            }
        }
        return "not readable: neither " + String.join(" nor ", paths);
    }

    /** The kernel's own word on each CPU vulnerability and its mitigation. */
    private static Object vulnerabilities() {
        Path dir = Path.of("/sys/devices/system/cpu/vulnerabilities");
        Map<String, String> m = new TreeMap<>();
        try (var files = Files.list(dir)) {
            files.forEach(f -> m.put(f.getFileName().toString(), read(f.toString())));
        } catch (IOException e) {
            return "not readable: " + dir + " (" + e.getClass().getSimpleName() + ")";
        }
        return m;
    }

    /** The [bracketed] choice of a sysfs file like "always [madvise] never". */
    private static String selected(String path) {
        return HugePages.selected(read(path));
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
        try (var in = new FileInputStream(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
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

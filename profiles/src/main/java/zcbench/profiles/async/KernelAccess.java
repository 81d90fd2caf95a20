package zcbench.profiles.async;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;

/**
 * What decides whether a profiler may see kernel frames: the two sysctls and who we are.
 * Read from /proc by {@link #read()}; built directly in tests.
 *
 * @param perfEventParanoid /proc/sys/kernel/perf_event_paranoid, empty when the file is missing
 *                          (kernel without perf events)
 * @param kptrRestrict      /proc/sys/kernel/kptr_restrict, empty when unreadable
 * @param euid              effective user id
 * @param capEff            effective capability set (bit n = capability n)
 */
public record KernelAccess(OptionalInt perfEventParanoid, OptionalInt kptrRestrict, int euid, long capEff) {

    static final int CAP_SYS_ADMIN = 21;
    static final int CAP_SYSLOG = 34;
    static final int CAP_PERFMON = 38;

    private static final Path PROC_SYS_KERNEL = Path.of("/proc/sys/kernel");
    private static final Path PROC_SELF_STATUS = Path.of("/proc/self/status");

    public boolean has(int capability) {
        return (capEff >>> capability & 1) != 0;
    }

    public static KernelAccess read() {
        List<String> status = lines(PROC_SELF_STATUS);
        return new KernelAccess(
                sysctl("perf_event_paranoid"),
                sysctl("kptr_restrict"),
                (int) statusField(status, "Uid:", 1, 10, -1),
                statusField(status, "CapEff:", 0, 16, 0));
    }

    private static OptionalInt sysctl(String name) {
        List<String> lines = lines(PROC_SYS_KERNEL.resolve(name));
        return lines.isEmpty() ? OptionalInt.empty() : OptionalInt.of(Integer.parseInt(lines.getFirst().trim()));
    }

    /** Field {@code index} (0-based, after the key) of a /proc/self/status line, in {@code radix}. */
    private static long statusField(List<String> status, String key, int index, int radix, long missing) {
        return status.stream()
                .filter(l -> l.startsWith(key))
                .map(l -> l.substring(key.length()).trim().split("\\s+")[index])
                .mapToLong(v -> Long.parseUnsignedLong(v, radix))
                .findFirst()
                .orElse(missing);
    }

    private static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            return List.of();
        }
    }
}

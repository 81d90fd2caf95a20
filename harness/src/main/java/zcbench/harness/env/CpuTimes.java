package zcbench.harness.env;

import java.io.FileInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/**
 * The all-CPU line of /proc/stat, in clock ticks, read at the start and end of a run to tell how much CPU
 * time the hypervisor gave to others (steal): a busy host shows there before it shows in the numbers.
 *
 * @param ticks user, nice, system, idle, iowait, irq, softirq, steal (guest time is inside user and nice)
 */
public record CpuTimes(long[] ticks) {
    private static final int STEAL = 7;

    /** Empty when /proc/stat cannot be read or has no steal column (kernels before 2.6.11). */
    public static Optional<CpuTimes> now() {
        try (FileInputStream in = new FileInputStream("/proc/stat")) {
            String first = new String(in.readAllBytes(), StandardCharsets.US_ASCII).lines().findFirst().orElse("");
            String[] f = first.trim().split("\\s+");
            if (!f[0].equals("cpu") || f.length < STEAL + 2) {
                return Optional.empty();
            }
            long[] ticks = Arrays.stream(f, 1, STEAL + 2).mapToLong(Long::parseLong).toArray();
            return Optional.of(new CpuTimes(ticks));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Steal since earlier, in percent of all CPU time since then; NaN when no time passed. */
    public double stealPercentSince(CpuTimes earlier) {
        long total = 0;
        for (int i = 0; i < ticks.length; i++) {
            total += ticks[i] - earlier.ticks[i];
        }
        return total > 0 ? 100.0 * (ticks[STEAL] - earlier.ticks[STEAL]) / total : Double.NaN;
    }
}

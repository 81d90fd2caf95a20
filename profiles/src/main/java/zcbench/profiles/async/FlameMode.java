package zcbench.profiles.async;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** What {@code run --flame} samples; the name is the flag's value and part of every flame file name. */
public enum FlameMode {
    /** On-CPU time, with kernel frames when perf events allow (see {@link Preflight}). */
    CPU,
    /** Wall-clock time of every thread, running or not. */
    WALL,
    /** Java heap allocations (TLAB-driven sampling). */
    ALLOC,
    /** Contended Java monitors and locks. */
    LOCK;

    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static FlameMode parse(String value) {
        for (FlameMode mode : values()) {
            if (mode.cliName().equals(value)) {
                return mode;
            }
        }
        throw new IllegalArgumentException("unknown flame mode '" + value + "'; one of "
                + Arrays.stream(values()).map(FlameMode::cliName).collect(Collectors.joining("|")));
    }
}

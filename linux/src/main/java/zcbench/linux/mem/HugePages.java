package zcbench.linux.mem;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** What this machine offers in huge pages, read from sysfs and /proc; nothing here changes a setting. */
public final class HugePages {
    public static final String TRANSPARENT_ENABLED = "/sys/kernel/mm/transparent_hugepage/enabled";
    /**
     * The 2 MiB pool that MAP_HUGE_2MB draws from. /proc/meminfo's HugePages_Free counts the default
     * size's pool, which is 2 MiB on x86_64 unless the kernel was booted with another.
     */
    private static final String FREE_2MB = "/sys/kernel/mm/hugepages/hugepages-2048kB/free_hugepages";

    private HugePages() {
    }

    /** The [bracketed] mode of the THP setting ("always", "madvise", "never"), or "absent" without THP. */
    public static String transparentMode() {
        String all = read(TRANSPARENT_ENABLED);
        return all == null ? "absent" : selected(all);
    }

    /** The [bracketed] choice of a sysfs setting that lists every choice ("always [madvise] never"). */
    public static String selected(String choices) {
        int open = choices.indexOf('[');
        int close = choices.indexOf(']', open + 1);
        return open >= 0 && close > open ? choices.substring(open + 1, close) : choices;
    }

    /** Free 2 MiB huge pages (vm.nr_hugepages less those in use); 0 on a kernel without them. */
    public static long free2MiB() {
        String n = read(FREE_2MB);
        return n == null ? 0 : Long.parseLong(n);
    }

    /** smaps' AnonHugePages (kB) of the mapping that holds {@code address}; 0 when none does. */
    static long anonHugePagesKb(long address) {
        List<String> lines;
        try {
            lines = Files.readAllLines(Path.of("/proc/self/smaps"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        boolean inside = false;
        for (String line : lines) {
            int dash = line.indexOf('-');
            int space = line.indexOf(' ');
            if (dash > 0 && space > dash && line.substring(0, dash).chars().allMatch(HugePages::isHex)) {
                long start = Long.parseUnsignedLong(line.substring(0, dash), 16);
                long end = Long.parseUnsignedLong(line.substring(dash + 1, space), 16);
                inside = address >= start && address < end;
            } else if (inside && line.startsWith("AnonHugePages:")) {
                return Long.parseLong(line.substring("AnonHugePages:".length()).replace("kB", "").trim());
            }
        }
        return 0;
    }

    private static boolean isHex(int c) {
        return c >= '0' && c <= '9' || c >= 'a' && c <= 'f';
    }

    private static String read(String path) {
        try (var in = new FileInputStream(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            return null;
        }
    }
}

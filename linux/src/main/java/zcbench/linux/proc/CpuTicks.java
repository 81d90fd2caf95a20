package zcbench.linux.proc;

/**
 * One CPU's line of /proc/stat: time by kind, in USER_HZ ticks. With tick-based accounting
 * ({@code CONFIG_TICK_CPU_ACCOUNTING}, no {@code IRQ_TIME_ACCOUNTING}) the kernel charges each
 * scheduler tick wholly to what the CPU was doing when it came, so irq and softirq time is sampled,
 * not measured (docs/ARCHITECTURE.md, "The sending CPU's cost").
 */
public record CpuTicks(long user, long nice, long system, long idle, long iowait, long irq, long softirq,
        long steal) {

    /** The unit of /proc/stat, fixed by the kernel's ABI at 100 on every architecture this project runs on. */
    public static final int USER_HZ = 100;
    public static final long NANOS_PER_TICK = 1_000_000_000L / USER_HZ;

    /** Numbers on a CPU's line that this record holds: user .. steal (guest and guest_nice are in user and nice). */
    public static final int FIELDS = 8;

    private static final String PATH = "/proc/stat";
    /** /proc/stat grows with the CPUs and interrupts; its per-CPU lines come first, but pread wants it whole. */
    private static final int CAPACITY = 1 << 20;

    /** The label of the whole machine's line, the sum of every CPU's. */
    public static final String MACHINE = "cpu";

    /** /proc/stat, opened to be read again with {@link ProcFile#reread()}. */
    public static ProcFile open() {
        return new ProcFile(PATH, CAPACITY);
    }

    /** The line labelled {@code label} ({@link #label(int)}, or {@link #MACHINE}) in a reading of /proc/stat. */
    public static CpuTicks parse(ProcText stat, String label) {
        long[] v = new long[FIELDS];
        read(stat, lineStart(label), v, 0);
        return of(v, 0);
    }

    /** The text a CPU's line starts with: its label and a space, so that cpu1 is not cpu10. */
    public static String lineStart(String label) {
        return label + " ";
    }

    /** The label of CPU {@code cpu}'s line. */
    public static String label(int cpu) {
        return MACHINE + cpu;
    }

    /** The {@link #FIELDS} numbers of the line starting {@code lineStart} into {@code into[at..]}: no allocation. */
    public static void read(ProcText stat, String lineStart, long[] into, int at) {
        int from = stat.indexAfterLineStart(lineStart);
        if (from < 0) {
            throw new IllegalStateException("no line " + lineStart.strip() + " in " + stat.path());
        }
        for (int i = 0; i < FIELDS; i++) {
            into[at + i] = stat.number(from, i);
        }
    }

    /** The record of {@link #FIELDS} numbers at {@code v[at..]}, in the order of the line. */
    public static CpuTicks of(long[] v, int at) {
        return new CpuTicks(v[at], v[at + 1], v[at + 2], v[at + 3], v[at + 4], v[at + 5], v[at + 6], v[at + 7]);
    }

    public CpuTicks minus(CpuTicks earlier) {
        return new CpuTicks(user - earlier.user, nice - earlier.nice, system - earlier.system, idle - earlier.idle,
                iowait - earlier.iowait, irq - earlier.irq, softirq - earlier.softirq, steal - earlier.steal);
    }

    public CpuTicks plus(CpuTicks other) {
        return new CpuTicks(user + other.user, nice + other.nice, system + other.system, idle + other.idle,
                iowait + other.iowait, irq + other.irq, softirq + other.softirq, steal + other.steal);
    }

    /** Ticks the CPU worked for anyone: user (nice and guest included), system, irq and softirq. */
    public long busy() {
        return user + nice + system + irq + softirq;
    }

    /** Every tick of the interval, steal included: the CPU's wall time as the kernel counts it. */
    public long total() {
        return busy() + idle + iowait + steal;
    }

    /** Steal in percent of every tick of the interval; NaN when no tick passed. */
    public double stealPercent() {
        return stealPercent(steal, total());
    }

    /**
     * {@code steal} ticks in percent of {@code total}, for sums over several CPUs that are kept as
     * numbers, not records; NaN when {@code total} is not above 0.
     */
    public static double stealPercent(long steal, long total) {
        return total > 0 ? 100.0 * steal / total : Double.NaN;
    }

    public static long nanos(long ticks) {
        return ticks * NANOS_PER_TICK;
    }
}

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

    /** The line of {@code cpu} (its label "cpuN") in a reading of /proc/stat. */
    public static CpuTicks parse(ProcText stat, String label) {
        int at = stat.indexAfterLineStart(label + " ");
        if (at < 0) {
            throw new IllegalStateException("no line " + label + " in " + stat.path());
        }
        return new CpuTicks(stat.number(at, 0), stat.number(at, 1), stat.number(at, 2), stat.number(at, 3),
                stat.number(at, 4), stat.number(at, 5), stat.number(at, 6), stat.number(at, 7));
    }

    /** The label of CPU {@code cpu}'s line. */
    public static String label(int cpu) {
        return "cpu" + cpu;
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

    public static long nanos(long ticks) {
        return ticks * NANOS_PER_TICK;
    }
}

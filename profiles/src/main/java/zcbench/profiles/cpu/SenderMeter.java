package zcbench.profiles.cpu;

import zcbench.linux.proc.CpuTicks;
import zcbench.linux.proc.ProcFile;
import zcbench.linux.proc.Schedstat;
import zcbench.linux.sched.CpuIsolation;
import zcbench.linux.sched.Rusage;

/**
 * One sender thread's readings of its own cost: opened, started and stopped on the sender thread
 * itself, since getrusage(RUSAGE_THREAD) reads the calling thread (docs/ARCHITECTURE.md, "The sending
 * CPU's cost"). Each stop adds the iteration's {@link SenderWindow} to {@link SenderWindows}.
 */
public final class SenderMeter implements AutoCloseable {
    /** /proc/stat grows with the CPUs and interrupts; its per-CPU lines come first, but pread wants it whole. */
    private static final int STAT_CAPACITY = 1 << 20;
    private static final int SCHEDSTAT_CAPACITY = 256;

    private record Reading(CpuTicks cpuTicks, Schedstat run, Rusage.Times thread, Rusage.Times self, long packets,
            long bytes, long nanos) {
    }

    private final int cpu;
    private final String label;
    private final ProcFile stat;
    private final ProcFile schedstat;
    private Reading start;

    private SenderMeter(int cpu, ProcFile stat, ProcFile schedstat) {
        this.cpu = cpu;
        this.label = cpu < 0 ? null : CpuTicks.label(cpu);
        this.stat = stat;
        this.schedstat = schedstat;
    }

    /** On the sender thread, once pinned: {@code cpu} is its CPU, or -1 when it is not pinned. */
    public static SenderMeter open(int cpu) {
        ProcFile schedstat = new ProcFile(Schedstat.path(CpuIsolation.currentTid()), SCHEDSTAT_CAPACITY);
        try {
            return new SenderMeter(cpu, cpu < 0 ? null : new ProcFile("/proc/stat", STAT_CAPACITY), schedstat);
        } catch (RuntimeException e) {
            schedstat.close();
            throw e;
        }
    }

    /** On the sender thread, at its iteration's setup: the sender's cumulative packets and bytes so far. */
    public void start(long packets, long bytes) {
        long nanos = System.nanoTime();
        Rusage.Times self = Rusage.self();
        start = new Reading(cpuTicks(), Schedstat.parse(schedstat.reread()), Rusage.thread(), self, packets, bytes,
                nanos);
    }

    /** On the sender thread, at its iteration's teardown: the window since {@link #start} goes to the profiler. */
    public void stop(long packets, long bytes) {
        if (start == null) {
            return;
        }
        Rusage.Times thread = Rusage.thread();
        Schedstat run = Schedstat.parse(schedstat.reread());
        CpuTicks ticks = cpuTicks();
        Rusage.Times self = Rusage.self();
        long nanos = System.nanoTime();
        SenderWindows.add(new SenderWindow(cpu, ticks == null ? null : ticks.minus(start.cpuTicks()),
                run.minus(start.run()), thread.minus(start.thread()), self.minus(start.self()),
                packets - start.packets(), bytes - start.bytes(), nanos - start.nanos()));
        start = null;
    }

    private CpuTicks cpuTicks() {
        return stat == null ? null : CpuTicks.parse(stat.reread(), label);
    }

    @Override
    public void close() {
        schedstat.close();
        if (stat != null) {
            stat.close();
        }
    }
}

package zcbench.profiles.cpu;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

import zcbench.linux.proc.CpuTicks;
import zcbench.linux.proc.ProcFile;
import zcbench.linux.proc.Schedstat;
import zcbench.linux.sched.CpuIsolation;
import zcbench.linux.sched.Rusage;

/**
 * One sender thread's readings of its own cost: opened, started and stopped on the sender thread
 * itself, since getrusage(RUSAGE_THREAD) reads the calling thread (docs/ARCHITECTURE.md, "The sending
 * CPU's cost"). A stop leaves the iteration's window for {@link SenderWindows} to take. Start and stop
 * run in the iteration's setup and teardown, which count into -prof gc's bytes per operation, so they
 * read into arrays and buffers kept from the open and allocate nothing.
 */
public final class SenderMeter implements AutoCloseable {
    private static final int SCHEDSTAT_CAPACITY = 256;

    // Where each figure sits in a reading.
    private static final int CLOCK = 0;
    private static final int SELF_USER = 1;
    private static final int SELF_SYSTEM = 2;
    private static final int THREAD_USER = 3;
    private static final int THREAD_SYSTEM = 4;
    private static final int PACKETS = 5;
    private static final int BYTES = 6;
    private static final int RUN = 7;
    private static final int TICKS = RUN + Schedstat.FIELDS;
    private static final int SIZE = TICKS + CpuTicks.FIELDS;

    private final int cpu;
    private final String lineStart;
    private final ProcFile stat;
    private final ProcFile schedstat;
    private final Arena arena = Arena.ofShared();
    private final MemorySegment usage = arena.allocate(Rusage.RUSAGE);
    private final long[] start = new long[SIZE];
    private final long[] end = new long[SIZE];
    /** The last stopped window, end less start; guarded by this. */
    private final long[] window = new long[SIZE];
    private boolean started;
    /** A window is there for {@link #take}; guarded by this. */
    private boolean ready;

    private SenderMeter(int cpu, ProcFile stat, ProcFile schedstat) {
        this.cpu = cpu;
        this.lineStart = cpu < 0 ? null : CpuTicks.lineStart(CpuTicks.label(cpu));
        this.stat = stat;
        this.schedstat = schedstat;
    }

    /** On the sender thread, once pinned: {@code cpu} is its CPU, or -1 when it is not pinned. */
    public static SenderMeter open(int cpu) {
        ProcFile schedstat = new ProcFile(Schedstat.path(CpuIsolation.currentTid()), SCHEDSTAT_CAPACITY);
        SenderMeter meter;
        try {
            meter = new SenderMeter(cpu, cpu < 0 ? null : CpuTicks.open(), schedstat);
        } catch (RuntimeException e) {
            schedstat.close();
            throw e;
        }
        SenderWindows.register(meter);
        return meter;
    }

    /** On the sender thread, at its iteration's setup: the sender's cumulative packets and bytes so far. */
    public void start(long packets, long bytes) {
        start[CLOCK] = System.nanoTime();
        readRusage(Rusage.RUSAGE_SELF, start, SELF_USER);
        readCpu(start);
        Schedstat.read(schedstat.reread(), start, RUN);
        readRusage(Rusage.RUSAGE_THREAD, start, THREAD_USER);
        start[PACKETS] = packets;
        start[BYTES] = bytes;
        started = true;
    }

    /** On the sender thread, at its iteration's teardown: the window since {@link #start}, read in reverse. */
    public void stop(long packets, long bytes) {
        if (!started) {
            return;
        }
        readRusage(Rusage.RUSAGE_THREAD, end, THREAD_USER);
        Schedstat.read(schedstat.reread(), end, RUN);
        readCpu(end);
        readRusage(Rusage.RUSAGE_SELF, end, SELF_USER);
        end[CLOCK] = System.nanoTime();
        end[PACKETS] = packets;
        end[BYTES] = bytes;
        started = false;
        synchronized (this) {
            for (int i = 0; i < SIZE; i++) {
                window[i] = end[i] - start[i];
            }
            ready = true;
        }
    }

    /** The window of the last stop not taken yet, or null; on the profiler's thread. */
    synchronized SenderWindow take() {
        if (!ready) {
            return null;
        }
        ready = false;
        long[] w = window;
        return new SenderWindow(cpu, stat == null ? null : CpuTicks.of(w, TICKS), Schedstat.of(w, RUN),
                new Rusage.Times(w[THREAD_USER], w[THREAD_SYSTEM]), new Rusage.Times(w[SELF_USER], w[SELF_SYSTEM]),
                w[PACKETS], w[BYTES], w[CLOCK]);
    }

    private void readRusage(int who, long[] into, int at) {
        Rusage.read(who, usage);
        into[at] = Rusage.userNanos(usage);
        into[at + 1] = Rusage.systemNanos(usage);
    }

    private void readCpu(long[] into) {
        if (stat != null) {
            CpuTicks.read(stat.reread(), lineStart, into, TICKS);
        }
    }

    @Override
    public void close() {
        SenderWindows.unregister(this);
        schedstat.close();
        if (stat != null) {
            stat.close();
        }
        arena.close();
    }
}

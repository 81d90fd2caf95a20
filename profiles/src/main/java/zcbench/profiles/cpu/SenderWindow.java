package zcbench.profiles.cpu;

import zcbench.linux.proc.CpuTicks;
import zcbench.linux.proc.Schedstat;
import zcbench.linux.sched.Rusage;

/**
 * What one sender thread did over one iteration, every figure between the same two readings its
 * own thread took (docs/ARCHITECTURE.md, "The sending CPU's cost").
 *
 * @param cpu the CPU the sender is pinned to, or -1 when it is not
 * @param cpuTicks that CPU's /proc/stat line over the window; null when unpinned
 * @param run the sender thread's schedstat over the window
 * @param thread the sender thread's getrusage(RUSAGE_THREAD)
 * @param self the whole fork's getrusage(RUSAGE_SELF), senders included
 * @param packets packets the sender handed to the kernel in the window
 * @param bytes their payload bytes
 * @param wallNanos the window's length
 */
public record SenderWindow(int cpu, CpuTicks cpuTicks, Schedstat run, Rusage.Times thread, Rusage.Times self,
        long packets, long bytes, long wallNanos) {

    public boolean pinned() {
        return cpuTicks != null;
    }
}

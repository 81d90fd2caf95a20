package zcbench.profiles.async;

/**
 * Before a flame-graph run: which async-profiler event to use, and whether its graphs can show
 * kernel frames, with the reason in words a user can act on.
 *
 * <p>{@link #decide} is a pure function of the mode and {@link KernelAccess}, so every branch is
 * testable; {@link #check} reads the machine.
 *
 * @param event        the async-profiler event to pass to JMH's profiler
 * @param kernelFrames whether the graphs will have named kernel frames
 * @param reason       why (not), for the run's output
 */
public record Preflight(FlameMode mode, String event, boolean kernelFrames, String reason) {

    /** CPU sampling by a per-thread CPU-time timer: needs no perf events, sees no kernel frames. */
    static final String FALLBACK_EVENT = "ctimer";

    private static final String USER_ONLY = "sampling with " + FALLBACK_EVENT + " instead: Java and native frames only; "
            + "time in the kernel is charged to the system call's user-space wrapper (e.g. sendto) with no kernel frames below it";

    public static Preflight check(FlameMode mode) {
        return decide(mode, KernelAccess.read());
    }

    public static Preflight decide(FlameMode mode, KernelAccess access) {
        if (mode != FlameMode.CPU) {
            return new Preflight(mode, mode.cliName(), false, "--flame " + mode.cliName()
                    + " samples Java and native frames only, never kernel frames; use --flame cpu for those");
        }
        String who = access.euid() == 0 ? "root" : "uid " + access.euid();
        if (access.perfEventParanoid().isEmpty()) {
            return new Preflight(mode, FALLBACK_EVENT, false,
                    "this kernel has no perf events (no /proc/sys/kernel/perf_event_paranoid); " + USER_ONLY);
        }
        int paranoid = access.perfEventParanoid().getAsInt();
        boolean privileged = access.has(KernelAccess.CAP_PERFMON) || access.has(KernelAccess.CAP_SYS_ADMIN);
        if (!privileged && paranoid > 1) {
            return new Preflight(mode, FALLBACK_EVENT, false, "kernel frames need perf events with kernel stacks, "
                    + "and kernel.perf_event_paranoid=" + paranoid + " denies them to " + who
                    + " without CAP_PERFMON or CAP_SYS_ADMIN (run as root, or sysctl kernel.perf_event_paranoid=1); "
                    + USER_ONLY);
        }
        int kptr = access.kptrRestrict().orElse(2);
        boolean symbols = kptr == 0 || kptr == 1 && access.has(KernelAccess.CAP_SYSLOG);
        String allowed = privileged ? who + " has CAP_PERFMON or CAP_SYS_ADMIN" : "kernel.perf_event_paranoid=" + paranoid;
        if (!symbols) {
            return new Preflight(mode, "cpu", false, "perf events see kernel time (" + allowed + "), but "
                    + (access.kptrRestrict().isEmpty() ? "kernel.kptr_restrict is unreadable, so kernel addresses are taken as hidden"
                            : "kernel.kptr_restrict=" + kptr + " hides kernel addresses from "
                            + (kptr == 1 ? who + " without CAP_SYSLOG" : "everyone"))
                    + ": kernel frames will have no names (sysctl kernel.kptr_restrict=0 fixes that)");
        }
        return new Preflight(mode, "cpu", true, "perf events with kernel stacks (" + allowed
                + "), kernel symbols readable (kernel.kptr_restrict=" + kptr + ")");
    }

    /** One line for the run's output. */
    public String message() {
        return "flame " + mode.cliName() + " (async-profiler event=" + event + "): "
                + (kernelFrames ? "with kernel frames: " : "NO kernel frames: ") + reason;
    }
}

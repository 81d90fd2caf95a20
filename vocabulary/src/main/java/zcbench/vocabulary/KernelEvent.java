package zcbench.vocabulary;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The kernel tracepoints {@code run --events} counts on the sending CPUs during the measured iterations, each
 * reported per packet as the secondary result (and speedup.csv column) {@link #id()}.
 */
public enum KernelEvent {
    /** One per io_uring request the kernel takes from the SQ. */
    IO_URING_SUBMIT_REQ("io_uring", "io_uring_submit_req", "submits"),
    /** One per CQE posted through io_uring's completion path, send results and notifications alike. */
    IO_URING_COMPLETE("io_uring", "io_uring_complete", "CQEs"),
    /** One per run of a task's queued io_uring task work (COOP_TASKRUN). */
    IO_URING_TASK_WORK_RUN("io_uring", "io_uring_task_work_run", "task work"),
    /** One per packet a device's transmit took. */
    NET_DEV_XMIT("net", "net_dev_xmit", "xmits"),
    /** An skb freed after normal use. */
    CONSUME_SKB("skb", "consume_skb", "consumed skbs"),
    /** An skb dropped. */
    KFREE_SKB("skb", "kfree_skb", "dropped skbs"),
    /** Every syscall entered, of any task on the CPU. */
    SYS_ENTER("raw_syscalls", "sys_enter", "syscalls");

    private final String system;
    private final String name;
    private final String label;

    KernelEvent(String system, String name, String label) {
        this.system = system;
        this.name = name;
        this.label = label;
    }

    /** perf's name: {@code system:name}. */
    public String tracepoint() {
        return system + ":" + name;
    }

    /** The tracepoint's folder under tracefs' {@code events/}. */
    public String tracefsPath() {
        return system + "/" + name;
    }

    /** The secondary result and speedup.csv column: {@code events_<name>_per_packet}. */
    public String id() {
        return "events_" + name + "_per_packet";
    }

    /** The table's header for it. */
    public String label() {
        return label;
    }

    /** Every event's id, in declaration order (speedup.csv's). */
    public static List<String> ids() {
        return Arrays.stream(values()).map(KernelEvent::id).toList();
    }

    /** The event perf names {@code system:name}, if it is one of these. */
    public static Optional<KernelEvent> ofTracepoint(String tracepoint) {
        return Arrays.stream(values()).filter(e -> e.tracepoint().equals(tracepoint)).findFirst();
    }
}

package zcbench.profiles.jfr;

import jdk.jfr.Category;
import jdk.jfr.DataAmount;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/**
 * One measured iteration of a row, on a JFR timeline: spans the iteration, carries the row's
 * parameters and what the iteration did (counts, not rates). Costs nothing when no recording
 * has it enabled (zcbench.jfc enables it).
 *
 * <p>The harness calls {@link #start} when an iteration starts ({@code @Setup(Level.Iteration)}) and
 * {@link #finish} on what it returned when the iteration ends ({@code @TearDown(Level.Iteration)}).
 */
@Name(IterationEvent.NAME)
@Label("zcbench iteration")
@Category("zcbench")
@Description("One benchmark iteration of a zcbench row and its counters")
@StackTrace(false)
public final class IterationEvent extends Event {

    public static final String NAME = "zcbench.Iteration";

    @Label("Variant")
    String variant;
    @Label("Payload")
    @DataAmount
    int payload;
    @Label("Batch")
    int batch;
    @Label("Flush")
    boolean flush;
    @Label("ubuf cache")
    String ubufCache;
    @Label("Target")
    String target;

    @Label("Packets")
    long packets;
    @Label("Bytes")
    @DataAmount
    long bytes;
    @Label("Notifications")
    @Description("Zero-copy sends whose completion notification arrived")
    long notifications;
    @Label("Copied")
    @Description("Zero-copy sends the kernel copied after all")
    long copied;
    @Label("Retries")
    @Description("ENOBUFS/EAGAIN retries")
    long retries;
    @Label("Enters")
    @Description("io_uring_enter calls")
    long enters;

    /** Starts the iteration's event; keep it and call {@link #finish} on it when the iteration ends. */
    public static IterationEvent start(String variant, int payload, int batch, boolean flush, String ubufCache,
                                       String target) {
        IterationEvent e = new IterationEvent();
        if (e.isEnabled()) {
            e.variant = variant;
            e.payload = payload;
            e.batch = batch;
            e.flush = flush;
            e.ubufCache = ubufCache;
            e.target = target;
            e.begin();
        }
        return e;
    }

    /** Ends and commits the event with what the iteration counted. */
    public void finish(long packets, long bytes, long notifications, long copied, long retries, long enters) {
        if (isEnabled()) {
            this.packets = packets;
            this.bytes = bytes;
            this.notifications = notifications;
            this.copied = copied;
            this.retries = retries;
            this.enters = enters;
            commit();
        }
    }
}

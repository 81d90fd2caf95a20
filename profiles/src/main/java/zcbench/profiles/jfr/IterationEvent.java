package zcbench.profiles.jfr;

import jdk.jfr.Category;
import jdk.jfr.DataAmount;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

import java.util.function.ToLongFunction;

import zcbench.vocabulary.Counter;

/**
 * One measured iteration of a row, on a JFR timeline: spans the iteration, carries the row's key
 * and parameters and what the iteration did (counts, not rates), each {@link Counter} in a field of
 * its id (a test keeps them equal). Costs nothing when no recording
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

    @Label("Row")
    @Description("The row's key: its variant, payload, batch, the knobs that mean something for it, and the target")
    String row;
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
    String ubuf_cache;
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
    @Label("Syscalls")
    @Description("copy and msg_zerocopy: syscalls of the send loop")
    long syscalls;
    @Label("Short sends")
    @Description("protocol=tcp, copy and msg_zerocopy: sends that took part of a packet")
    long short_sends;
    @Label("Delivered")
    @Description("Packets the sink counted")
    long delivered;

    /** Starts the iteration's event; keep it and call {@link #finish} on it when the iteration ends. */
    public static IterationEvent start(String row, String variant, int payload, int batch, boolean flush,
                                       String ubufCache, String target) {
        IterationEvent e = new IterationEvent();
        if (e.isEnabled()) {
            e.row = row;
            e.variant = variant;
            e.payload = payload;
            e.batch = batch;
            e.flush = flush;
            e.ubuf_cache = ubufCache;
            e.target = target;
            e.begin();
        }
        return e;
    }

    /** Ends and commits the event with what the iteration counted of each {@link Counter}. */
    public void finish(ToLongFunction<Counter> count) {
        if (isEnabled()) {
            packets = count.applyAsLong(Counter.PACKETS);
            bytes = count.applyAsLong(Counter.BYTES);
            notifications = count.applyAsLong(Counter.NOTIFICATIONS);
            copied = count.applyAsLong(Counter.COPIED);
            retries = count.applyAsLong(Counter.RETRIES);
            enters = count.applyAsLong(Counter.ENTERS);
            syscalls = count.applyAsLong(Counter.SYSCALLS);
            short_sends = count.applyAsLong(Counter.SHORT_SENDS);
            delivered = count.applyAsLong(Counter.DELIVERED);
            commit();
        }
    }
}

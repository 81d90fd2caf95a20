package zcbench.harness.bench;

import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import zcbench.profiles.jfr.IterationEvent;
import zcbench.variants.SendCounters;
import zcbench.vocabulary.Counter;

/**
 * What explains a row, as rates per second (JMH divides by the iteration's time): one public
 * field per {@link Counter}, named by its id, as JMH names its results by the fields
 * (SendBenchmarkTest keeps the two equal). The first operation of an iteration attaches the
 * sender's cumulative counters; the iteration's end takes the difference, so the hot path pays
 * one null check for them.
 */
@State(Scope.Thread)
@AuxCounters(AuxCounters.Type.OPERATIONS)
public class SendCounts {
    public long packets;
    public long bytes;
    public long notifications;
    public long copied;
    public long retries;
    public long enters;
    /** copy, msg_zerocopy: syscalls of the send loop (sendmsg, poll, error-queue reads). */
    public long syscalls;
    /** protocol=tcp, copy and msg_zerocopy: sends that took part of a packet. */
    public long short_sends;
    /** Packets the target counted (ifb RX dropped, the peer's receiver); 0 on targets that count none. */
    public long delivered;
    private SendPath path;
    private SendCounters source;
    private SendCounters start;
    private IterationEvent event;

    /** Whether no iteration has attached the sender's counters yet: the hot path's one check. */
    boolean detached() {
        return source == null;
    }

    void attach(SendPath path) {
        this.path = path;
        source = path.sender().counters();
        start = source.snapshot();
        RowKnobs k = path.knobs();
        // Spans the iteration on a JFR timeline; costs nothing when no recording wants it.
        event = IterationEvent.start(path.key(), k.variant, k.payload, k.batch, k.flush, k.ubuf_cache, k.target);
    }

    /** What the iteration counted: the sender's counts since it began, or the destination's. */
    private long since(Counter counter) {
        return counter.bySender() ? source.get(counter) - start.get(counter) : delivered;
    }

    @TearDown(Level.Iteration)
    public void end() {
        if (source != null) {
            packets = since(Counter.PACKETS);
            bytes = since(Counter.BYTES);
            notifications = since(Counter.NOTIFICATIONS);
            copied = since(Counter.COPIED);
            retries = since(Counter.RETRIES);
            enters = since(Counter.ENTERS);
            syscalls = since(Counter.SYSCALLS);
            short_sends = since(Counter.SHORT_SENDS);
            delivered = Math.max(0, path.deliveredThisIteration());
            event.finish(this::since);
        }
        source = null;
    }
}

package zcbench.harness.bench;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.runner.IterationType;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.infra.ThreadParams;

import zcbench.harness.targets.Destination;
import zcbench.linux.Teardown;
import zcbench.profiles.cpu.SenderMeter;
import zcbench.variants.NotificationLatency;
import zcbench.variants.PayloadMemory;
import zcbench.variants.SendConfig;
import zcbench.variants.SendCounters;
import zcbench.variants.Sender;
import zcbench.variants.spi.SenderRegistry;
import zcbench.vocabulary.Counter;
import zcbench.vocabulary.Row;

/**
 * The send path under test: a row's target and sender, from its trial set-up to its tear-down, and what each
 * iteration reads besides the send loop (the target's count, the sender's CPU window). Nothing injects it into
 * another state's @Setup or @TearDown: JMH 1.37 then makes a separate instance per injection point, each with its
 * own trial setup, so there would be several senders and sinks.
 */
@State(Scope.Thread)
public class SendPath {
    private RowKnobs knobs;
    private Destination destination;
    private Sender sender;
    private CpuPlacement placement;
    private SenderMeter meter;
    private long deliveredAtIterationStart;
    private String key;
    private int threadIndex;

    @Setup(Level.Trial)
    public void open(RowKnobs knobs, BenchmarkParams params, ThreadParams thread) {
        this.knobs = knobs;
        SendConfig config = SendConfig.of(params::getParam);
        Map<String, String> byName = new LinkedHashMap<>();
        params.getParamsKeys().forEach(name -> byName.put(name, params.getParam(name)));
        key = Row.read(byName).orElseThrow().key();
        threadIndex = thread.getThreadIndex();
        int pinTo = CpuChoice.forThread(CpuChoice.parse(knobs.cpu), threadIndex, knobs.threads);
        placement = CpuPlacement.pin(pinTo, knobs.threads);
        // One whole open-and-close cycle first. JMH counts the trial's teardown into the last
        // iteration's allocation (-prof gc), and a first close links downcall handles and
        // lambdas (hundreds of KB); warmed here, the figure shows the send path alone.
        try {
            openAll(config);
            closeAll();
            openAll(config);
            // On the thread that makes the send calls: this one, or a library's event loop, which started on
            // this thread's CPU and keeps it, while this thread, which then only waits, is confined with the
            // others (docs/ARCHITECTURE.md, "The JVM rows").
            SenderMeter[] opened = new SenderMeter[1];
            sender.onSendingThread(() -> opened[0] = SenderMeter.open(pinTo));
            meter = opened[0];
            // Said only now: a thread this sender started while opening (the peer's receiver, a TCP reader)
            // inherits its CPU, and is confined only if it exists when the first sender confines. Confined
            // after the cycle: a thread started during it (a cleaner, a pool worker) inherits the sender's CPU
            // and would otherwise stay there, working into the first iterations.
            placement.pinned(sender::onSendingThread, threadIndex == 0);
        } catch (RuntimeException e) {
            unplace().doneAfter(e);
            throw e;
        }
        if (config.memory() != PayloadMemory.NORMAL) {
            // Goes to the row's part of jmh.log: whether the kernel really gave it huge pages.
            System.out.println("zcbench payload memory: " + sender.payloadMemory());
        }
    }

    /** What the benchmark method sends with. */
    Sender sender() {
        return sender;
    }

    /** The row's key and knob values, for the iteration's JFR event. */
    String key() {
        return key;
    }

    RowKnobs knobs() {
        return knobs;
    }

    /**
     * The sink's count before the iteration, so that the iteration's delivered packets can be told, and
     * the sender's own CPU readings, taken on its thread (docs/ARCHITECTURE.md, "The sending CPU's cost").
     */
    @Setup(Level.Iteration)
    public void beforeIteration(IterationParams iteration) {
        deliveredAtIterationStart = destination.deliveredPackets();
        // Not a capturing lambda: the iteration's hooks allocate nothing that -prof gc would count.
        Optional<NotificationLatency> latency = sender.latency();
        if (latency.isPresent()) {
            latency.get().recording(iteration.getType() == IterationType.MEASUREMENT);
        }
        cpuWindow(true);
    }

    /**
     * The iteration's CPU window ends here, on the sender's thread, with the packets it counted; latency is
     * recorded in measured iterations only, not while JMH stops the threads and tears down.
     */
    @TearDown(Level.Iteration)
    public void afterIteration() {
        cpuWindow(false);
        sender.latency().ifPresent(l -> l.recording(false));
    }

    /**
     * Starts or ends the iteration's CPU window with the packets counted so far, on the thread that makes the send
     * calls: this one (no lambda, nothing allocated), or a library's event loop.
     */
    private void cpuWindow(boolean start) {
        SendCounters c = sender.counters();
        long packets = c.get(Counter.PACKETS);
        long bytes = c.get(Counter.BYTES);
        if (sender.sendsOnCallingThread()) {
            mark(start, packets, bytes);
        } else {
            sender.onSendingThread(() -> mark(start, packets, bytes));
        }
    }

    private void mark(boolean start, long packets, long bytes) {
        if (start) {
            meter.start(packets, bytes);
        } else {
            meter.stop(packets, bytes);
        }
    }

    /**
     * Packets the destination counted since this iteration began, or -1 where it counts none; once what the
     * sender sent has arrived, so that none of it is counted in the next iteration.
     */
    long deliveredThisIteration() {
        long now = destination.deliveredOnceArrived(sender.counters().get(Counter.PACKETS));
        return now < 0 || deliveredAtIterationStart < 0 ? -1 : now - deliveredAtIterationStart;
    }

    /** The meter, then where the threads run; the caller says what failed. */
    private Teardown unplace() {
        Teardown t = new Teardown().close(meter).close(placement);
        meter = null;
        placement = null;
        return t;
    }

    private void openAll(SendConfig config) {
        try {
            destination = Destination.open(knobs.target);
            sender = SenderRegistry.open(config, destination.endpoint(config.ip(), config.protocol()));
            // The first reading opens the sink's counter file: done here, not in an iteration.
            destination.deliveredPackets();
        } catch (RuntimeException e) {
            try {
                closeAll();
            } catch (RuntimeException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }

    private void closeAll() {
        Teardown t = new Teardown().close(sender).close(destination);
        sender = null;
        destination = null;
        t.done();
    }

    @TearDown(Level.Trial)
    public void close() {
        try {
            if (sender != null) {
                sender.latency().ifPresent(l -> LatencyOutput.write(key, threadIndex, l));
            }
            closeAll();
        } catch (RuntimeException e) {
            unplace().doneAfter(e);
            throw e;
        }
        unplace().done();
    }
}

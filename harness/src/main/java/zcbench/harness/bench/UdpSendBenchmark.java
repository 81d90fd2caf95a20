package zcbench.harness.bench;

import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.runner.IterationType;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.infra.ThreadParams;

import zcbench.harness.targets.Destination;
import zcbench.linux.Teardown;
import zcbench.profiles.cpu.SenderMeter;
import zcbench.profiles.jfr.IterationEvent;
import zcbench.linux.sched.Affinity;
import zcbench.linux.sched.CpuIsolation;
import zcbench.variants.NotificationLatency;
import zcbench.variants.PayloadMemory;
import zcbench.variants.SendConfig;
import zcbench.variants.SendCounters;
import zcbench.variants.Sender;
import zcbench.variants.spi.SenderRegistry;
import zcbench.vocabulary.Counter;
import zcbench.vocabulary.Knobs;
import zcbench.vocabulary.RowKey;

/**
 * UDP send throughput of one send path. One operation hands {@code batch} packets of
 * {@code payload} bytes to the kernel, so MB/s = score * batch * payload / 2^20 (MiB, as the
 * kernel's tools compute it). The secondary counters explain the row.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
// Compiler and GC threads all start with the JVM, so that the ones confined away from the
// sender's CPU at the row's start are all there are (docs/ARCHITECTURE.md, "The sender alone").
@Fork(value = 1, jvmArgsAppend = {UdpSendBenchmark.NATIVE_ACCESS, UdpSendBenchmark.UNSAFE_ACCESS,
        UdpSendBenchmark.ALL_COMPILER_THREADS, UdpSendBenchmark.ALL_GC_THREADS})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 10, time = 1)
public class UdpSendBenchmark {
    public static final String NATIVE_ACCESS = "--enable-native-access=ALL-UNNAMED";
    /** JMH uses sun.misc.Unsafe, which warns on 25 without this. */
    public static final String UNSAFE_ACCESS = "--sun-misc-unsafe-memory-access=allow";
    public static final String ALL_COMPILER_THREADS = "-XX:-UseDynamicNumberOfCompilerThreads";
    public static final String ALL_GC_THREADS = "-XX:-UseDynamicNumberOfGCThreads";
    /** What a fork needs; a runner that sets jvmArgsAppend replaces the annotation's, so it passes these. */
    public static final List<String> FORK_JVM_ARGS = List.of(NATIVE_ACCESS, UNSAFE_ACCESS, ALL_COMPILER_THREADS,
            ALL_GC_THREADS);

    @Benchmark
    public void send(SendPath path, Counters counters) {
        if (counters.source == null) {
            counters.attach(path);
        }
        path.sender.sendBatch();
    }

    /**
     * The send path under test: its parameters, destination and sender. Nothing injects it into
     * another state's @Setup or @TearDown: JMH 1.37 then makes a separate instance per injection
     * point, each with its own trial setup, so there would be several senders and sinks.
     *
     * <p>One @Param per knob of {@link Knobs}, named as the knob (KnobsTest keeps the two equal), and
     * the target.
     */
    @State(Scope.Thread)
    public static class SendPath {
        /** The RFC's send paths; uring_sendmsg_zc and uring_sendmsg_zc_fixed when -p variant= names them. */
        @Param({"copy", "msg_zerocopy", "uring_send", "uring_zc", "uring_zc_fixed"})
        public String variant;

        @Param({"65435"})
        public int payload;

        /** Requests per io_uring_enter; for the syscall variants, sends per operation. */
        @Param({"8"})
        public int batch;

        /** uring_zc*: wait for every notification of a batch before its buffers are used again. */
        @Param({"false"})
        public boolean flush;

        /** on: per-request state from a recycled pool; off: allocated per request (docs/ARCHITECTURE.md). */
        @Param({"on"})
        public String ubuf_cache;

        /** copy, msg_zerocopy: MSG_DONTWAIT send + poll(POLLOUT) per packet, as the selftest (true); blocking sends (false). */
        @Param({"true"})
        public boolean poll;

        /** Every packet stamped, a buffer reused only after its notification (true); one unchanging buffer, as the C tools (false). */
        @Param({"false"})
        public boolean verify;

        /** io_uring: COOP_TASKRUN (coop, as liburing's send-zerocopy) or DEFER_TASKRUN (defer, its -d). */
        @Param({"coop"})
        public String setup;

        /** iovec entries per packet: the msghdr of uring_sendmsg_zc*, IORING_SEND_VECTORIZED for uring_zc. */
        @Param({"1"})
        public int iov;

        /** Where the payload buffers live: normal, thp (MADV_HUGEPAGE) or hugetlb (reserved pages, send-zerocopy -l). */
        @Param({"normal"})
        public String memory;

        /** UDP over IPv4 (4) or IPv6 (6, send-zerocopy -6). */
        @Param({"4"})
        public String ip;

        /** Sending threads, each with its own socket, ring and CPU (liburing's send-zerocopy -T). */
        @Param({"1"})
        public int threads;

        /** UDP datagrams (udp) or a TCP stream (tcp, send-zerocopy's argument tcp); tcp needs a listener: loopback. */
        @Param({"udp"})
        public String protocol;

        /** Zero-copy variants: each send's time from its completion to its notification, in a histogram. */
        @Param({"false"})
        public boolean latency;

        /** netty_uring over TCP: netty's IO_URING_WRITE_ZERO_COPY_THRESHOLD in bytes, or off (netty's -1). */
        @Param({"off"})
        public String zc_threshold;

        /** Where the packets go (docs/ARCHITECTURE.md, "Targets"): sink, forward, peer, loopback or a receiver's udp://. */
        @Param({Knobs.TARGET_SINK})
        public String target;

        /** CPU the sending thread is pinned to: "last", a number, or -1 for unpinned. */
        @Param({"last"})
        public String cpu;

        private Destination destination;
        private Sender sender;
        private BitSet affinityBefore;
        private SenderPlacement placement;
        private CpuIsolation isolation;
        private SenderMeter meter;
        private long deliveredAtIterationStart;
        private String key;
        private int threadIndex;

        @Setup(Level.Trial)
        public void open(BenchmarkParams params, ThreadParams thread) {
            SendConfig config = SendConfig.of(params::getParam);
            Map<String, String> byName = new LinkedHashMap<>();
            params.getParamsKeys().forEach(name -> byName.put(name, params.getParam(name)));
            key = RowKey.find(byName).orElseThrow();
            threadIndex = thread.getThreadIndex();
            boolean first = threadIndex == 0;
            int pinTo = CpuChoice.forThread(CpuChoice.parse(cpu), threadIndex, threads);
            place(pinTo);
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
                // Said only now: a thread this sender started while opening (the peer's receiver, a TCP
                // reader) inherits its CPU, and is confined only if it exists when the first sender confines.
                if (placement != null) {
                    SenderPlacement p = placement;
                    sender.onSendingThread(() -> p.pinned(pinTo));
                }
                // Confined after the cycle: a thread started during it (a cleaner, a pool worker) inherits
                // the sender's CPU and would otherwise stay there, working into the first iterations.
                if (first && placement != null) {
                    isolation = placement.isolate(affinityBefore);
                }
            } catch (RuntimeException e) {
                unplace().doneAfter(e);
                throw e;
            }
            if (config.memory() != PayloadMemory.NORMAL) {
                // Goes to the row's part of jmh.log: whether the kernel really gave it huge pages.
                System.out.println("zcbench payload memory: " + sender.payloadMemory());
            }
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
            SendCounters c = sender.counters();
            if (sender.sendsOnCallingThread()) {
                meter.start(c.get(Counter.PACKETS), c.get(Counter.BYTES));
            } else {
                long packets = c.get(Counter.PACKETS);
                long bytes = c.get(Counter.BYTES);
                sender.onSendingThread(() -> meter.start(packets, bytes));
            }
        }

        /**
         * The iteration's CPU window ends here, on the sender's thread, with the packets it counted; latency is
         * recorded in measured iterations only, not while JMH stops the threads and tears down.
         */
        @TearDown(Level.Iteration)
        public void afterIteration() {
            SendCounters c = sender.counters();
            if (sender.sendsOnCallingThread()) {
                meter.stop(c.get(Counter.PACKETS), c.get(Counter.BYTES));
            } else {
                long packets = c.get(Counter.PACKETS);
                long bytes = c.get(Counter.BYTES);
                sender.onSendingThread(() -> meter.stop(packets, bytes));
            }
            sender.latency().ifPresent(l -> l.recording(false));
        }

        /**
         * Packets the destination counted since this iteration began, or -1 where it counts none; once what the
         * sender sent has arrived, so that none of it is counted in the next iteration.
         */
        long deliveredThisIteration() {
            long now = destination.deliveredOnceArrived(sender.counters().get(Counter.PACKETS));
            return now < 0 || deliveredAtIterationStart < 0 ? -1 : now - deliveredAtIterationStart;
        }

        /**
         * The sender alone on its CPU, as the C tool runs: the fork's JIT, GC and JMH threads go to the
         * CPUs no sender of the row uses, and come back after (docs/ARCHITECTURE.md); the first sender
         * confines them once all are pinned and its open-and-close cycle is done.
         */
        private void place(int pinTo) {
            if (pinTo < 0) {
                return;
            }
            affinityBefore = Affinity.currentThread();
            Affinity.pinCurrentThread(pinTo);
            placement = SenderPlacement.of(threads);
        }

        /** Undoes {@link #place}: the other threads' CPUs, then this one's; the caller says what failed. */
        private Teardown unplace() {
            Teardown t = new Teardown().close(meter).close(isolation);
            meter = null;
            BitSet affinity = affinityBefore;
            if (affinity != null) {
                t.step(() -> Affinity.setCurrentThread(affinity));
            }
            SenderPlacement done = placement;
            if (done != null) {
                t.step(() -> SenderPlacement.forget(done));
            }
            isolation = null;
            affinityBefore = null;
            placement = null;
            return t;
        }

        private void openAll(SendConfig config) {
            try {
                destination = Destination.open(target);
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

    /**
     * What explains a row, as rates per second (JMH divides by the iteration's time): one public
     * field per {@link Counter}, named by its id, as JMH names its results by the fields
     * (UdpSendBenchmarkTest keeps the two equal). The first operation of an iteration attaches the
     * sender's cumulative counters; the iteration's end takes the difference, so the hot path pays
     * one null check for them.
     */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Counters {
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

        void attach(SendPath path) {
            this.path = path;
            source = path.sender.counters();
            start = source.snapshot();
            // Spans the iteration on a JFR timeline; costs nothing when no recording wants it.
            event = IterationEvent.start(path.key, path.variant, path.payload, path.batch, path.flush,
                    path.ubuf_cache, path.target);
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
}

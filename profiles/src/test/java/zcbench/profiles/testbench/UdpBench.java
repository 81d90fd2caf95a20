package zcbench.profiles.testbench;

import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import zcbench.profiles.jfr.IterationEvent;
import zcbench.profiles.cpu.SenderMeter;
import zcbench.vocabulary.Counter;
import zcbench.vocabulary.RowKey;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.util.Map;

/**
 * UDP sends with java.nio to a socket on 127.0.0.1 that nobody reads (the kernel drops what does
 * not fit): the kernel's send path in a JMH benchmark, named like the harness's rows, as the variant
 * it is, nio.
 */
@State(Scope.Thread)
public class UdpBench {

    @Param("nio")
    public String variant;
    @Param("16384")
    public int payload;
    @Param("8")
    public int batch;
    @Param("false")
    public boolean flush;
    @Param("on")
    public String ubuf_cache;
    @Param("loopback")
    public String target;
    @Param("-1")
    public String cpu;

    private DatagramChannel rx;
    private DatagramChannel tx;
    private ByteBuffer buffer;

    @AuxCounters(AuxCounters.Type.OPERATIONS)
    @State(Scope.Thread)
    public static class Counters {
        public long packets;
        public long bytes;
        private IterationEvent event;
        private SenderMeter meter;

        /** Unpinned, as the row's cpu=-1 says. */
        @Setup(Level.Trial)
        public void openMeter() {
            meter = SenderMeter.open(-1);
        }

        @TearDown(Level.Trial)
        public void closeMeter() {
            meter.close();
        }

        @Setup(Level.Iteration)
        public void start(UdpBench row) {
            packets = 0;
            bytes = 0;
            meter.start(0, 0);
            event = IterationEvent.start(row.key(), row.variant, row.payload, row.batch, row.flush, row.ubuf_cache,
                    row.target);
        }

        @TearDown(Level.Iteration)
        public void finish() {
            meter.stop(packets, bytes);
            event.finish(c -> c == Counter.PACKETS ? packets : c == Counter.BYTES ? bytes : 0);
        }
    }

    /** The row's key, as the harness names its rows. */
    String key() {
        return RowKey.of(Map.of("variant", variant, "payload", Integer.toString(payload), "batch",
                Integer.toString(batch), "flush", Boolean.toString(flush), "ubuf_cache", ubuf_cache, "cpu", cpu), target);
    }

    @Setup(Level.Trial)
    public void open() throws IOException {
        rx = DatagramChannel.open().bind(new InetSocketAddress("127.0.0.1", 0));
        tx = DatagramChannel.open().connect(rx.getLocalAddress());
        buffer = ByteBuffer.allocateDirect(payload);
    }

    @TearDown(Level.Trial)
    public void close() throws IOException {
        tx.close();
        rx.close();
    }

    @Benchmark
    public void send(Counters counters) throws IOException {
        for (int i = 0; i < batch; i++) {
            buffer.clear();
            tx.write(buffer);
        }
        counters.packets += batch;
        counters.bytes += (long) batch * payload;
    }
}

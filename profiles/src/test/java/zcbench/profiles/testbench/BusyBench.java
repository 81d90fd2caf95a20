package zcbench.profiles.testbench;

import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/** A busy loop that "sends" one 1024-byte packet per operation: known user-space work, no syscalls. */
public class BusyBench {

    public static final int PACKET_BYTES = 1024;

    @AuxCounters(AuxCounters.Type.OPERATIONS)
    @State(Scope.Thread)
    public static class Counters {
        public long packets;
        public long bytes;

        @Setup(Level.Iteration)
        public void reset() {
            packets = 0;
            bytes = 0;
        }
    }

    @Benchmark
    public void send(Counters counters) {
        Blackhole.consumeCPU(1000);
        counters.packets++;
        counters.bytes += PACKET_BYTES;
    }
}

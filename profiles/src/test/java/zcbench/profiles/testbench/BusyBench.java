package zcbench.profiles.testbench;

import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.Blackhole;

import zcbench.linux.sched.Affinity;
import zcbench.profiles.cpu.SenderMeter;

/** A busy loop, pinned, that "sends" one 1024-byte packet per operation: known user-space work, no syscalls. */
public class BusyBench {

    public static final int PACKET_BYTES = 1024;

    @AuxCounters(AuxCounters.Type.OPERATIONS)
    @State(Scope.Thread)
    public static class Counters {
        public long packets;
        public long bytes;
        private SenderMeter meter;

        /** Pinned to the last CPU this fork may use, as the harness pins a sender with cpu=last. */
        @Setup(Level.Trial)
        public void pin() {
            int cpu = Affinity.currentThread().length() - 1;
            Affinity.pinCurrentThread(cpu);
            meter = SenderMeter.open(cpu);
        }

        @TearDown(Level.Trial)
        public void unpin() {
            meter.close();
        }

        @Setup(Level.Iteration)
        public void reset() {
            packets = 0;
            bytes = 0;
            meter.start(0, 0);
        }

        @TearDown(Level.Iteration)
        public void stop() {
            meter.stop(packets, bytes);
        }
    }

    @Benchmark
    public void send(Counters counters) {
        Blackhole.consumeCPU(1000);
        counters.packets++;
        counters.bytes += PACKET_BYTES;
    }
}

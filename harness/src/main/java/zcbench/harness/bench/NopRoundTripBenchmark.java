package zcbench.harness.bench;

import java.util.concurrent.TimeUnit;

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

import zcbench.linux.uring.CqeHandler;
import zcbench.linux.uring.IoUring;
import zcbench.linux.uring.IoUringConstants;

/**
 * Cost of one io_uring_enter carrying {@code batch} NOPs and reaping their CQEs through FFM: the
 * floor under every io_uring variant.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Thread)
@Fork(value = 1, jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class NopRoundTripBenchmark {
    @Param({"1", "8"})
    public int batch;

    private IoUring ring;
    private long reaped;
    private final CqeHandler counter = (userData, res, flags) -> reaped++;

    @Setup(Level.Trial)
    public void open() {
        ring = IoUring.open(16, IoUringConstants.IORING_SETUP_COOP_TASKRUN | IoUringConstants.IORING_SETUP_SINGLE_ISSUER);
    }

    @Benchmark
    public long roundTrip() {
        for (int i = 0; i < batch; i++) {
            ring.sq().prepNop(i);
        }
        ring.sq().submitAndWait(batch);
        ring.cq().reap(counter);
        return reaped;
    }

    @TearDown(Level.Trial)
    public void close() {
        ring.close();
    }
}

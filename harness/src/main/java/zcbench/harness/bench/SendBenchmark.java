package zcbench.harness.bench;

import java.util.List;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Send throughput of one send path, UDP datagrams or a TCP stream (knob protocol). One operation hands
 * {@code batch} packets of {@code payload} bytes to the kernel, so MB/s = score * batch * payload / 2^20 (MiB, as
 * the kernel's tools compute it). The secondary counters ({@link SendCounts}) explain the row; {@link RowKnobs}
 * holds the row's knob values, {@link SendPath} its sender and target, {@link CpuPlacement} where it runs.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
// Compiler and GC threads all start with the JVM, so that the ones confined away from the
// sender's CPU at the row's start are all there are (docs/ARCHITECTURE.md, "The sender alone").
@Fork(value = 1, jvmArgsAppend = {SendBenchmark.NATIVE_ACCESS, SendBenchmark.UNSAFE_ACCESS,
        SendBenchmark.ALL_COMPILER_THREADS, SendBenchmark.ALL_GC_THREADS})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 10, time = 1)
public class SendBenchmark {
    public static final String NATIVE_ACCESS = "--enable-native-access=ALL-UNNAMED";
    /** JMH uses sun.misc.Unsafe, which warns on 25 without this. */
    public static final String UNSAFE_ACCESS = "--sun-misc-unsafe-memory-access=allow";
    public static final String ALL_COMPILER_THREADS = "-XX:-UseDynamicNumberOfCompilerThreads";
    public static final String ALL_GC_THREADS = "-XX:-UseDynamicNumberOfGCThreads";
    /** What a fork needs; a runner that sets jvmArgsAppend replaces the annotation's, so it passes these. */
    public static final List<String> FORK_JVM_ARGS = List.of(NATIVE_ACCESS, UNSAFE_ACCESS, ALL_COMPILER_THREADS,
            ALL_GC_THREADS);

    @Benchmark
    public void send(SendPath path, SendCounts counters) {
        if (counters.detached()) {
            counters.attach(path);
        }
        path.sender().sendBatch();
    }
}

package zcbench.profiles;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openjdk.jmh.results.RunResult;
import zcbench.profiles.async.FlameMode;
import zcbench.profiles.async.FlameReport;
import zcbench.profiles.async.FlameRow;
import zcbench.profiles.async.FlameSession;
import zcbench.profiles.cpu.CpuCostProfiler;
import zcbench.profiles.jfr.IterationEvent;
import zcbench.profiles.jfr.JfrSession;
import zcbench.profiles.testbench.JmhRuns;
import zcbench.profiles.testbench.UdpBench;
import zcbench.vocabulary.CpuMetric;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A short JMH run of UDP sends to 127.0.0.1 wired as the harness wires {@code run --flame cpu --jfr}:
 * row-named flame graphs with kernel frames, profile-summary.csv, a JFR recording with zcbench's
 * iteration events, and the CPU cost next to the score.
 */
class ProfilingRunTest {

    @Test
    @Timeout(60)
    void flameCpuAndJfrAsTheHarnessRunsThem(@TempDir Path run) throws Exception {
        JmhRuns.assumeRoot("kernel frames need perf events, which this machine grants to root only");
        FlameSession flame = FlameSession.prepare(FlameMode.CPU, run);
        assertTrue(flame.preflight().kernelFrames(), flame.preflight().message());
        JfrSession jfr = JfrSession.prepare(run);

        Collection<RunResult> results = JmhRuns.run(UdpBench.class, o -> o
                .addProfiler(flame.profilerClass(), flame.profilerOptions())
                .addProfiler(jfr.profilerClass(), jfr.profilerOptions())
                // One call: a second jvmArgsAppend replaces the first.
                .jvmArgsAppend(Stream.concat(flame.forkJvmArgs().stream(), jfr.forkJvmArgs().stream())
                        .toArray(String[]::new))
                .addProfiler(CpuCostProfiler.class));

        String row = "nio-16384-b8-cpu=-1-loopback";
        FlameReport report = flame.finish(results);
        assertEquals(List.of(), report.warnings());
        FlameRow flameRow = report.rows().getFirst();
        assertEquals(row, flameRow.name());
        assertEquals(run.resolve("flame/" + row + ".cpu.html"), flameRow.html());
        assertTrue(Files.readString(flameRow.html()).contains("<canvas"), "an async-profiler HTML flame graph");
        String stacks = Files.readString(run.resolve("flame/" + row + ".cpu.collapsed"));
        assertTrue(stacks.contains(";udp_sendmsg_[k]"), "udp_sendmsg as a kernel frame");
        try (Stream<Path> left = Files.list(run.resolve("flame"))) {
            assertEquals(2, left.count(), "only the row's two files stay in flame/");
        }
        List<String> summary = Files.readAllLines(run.resolve("profile-summary.csv"));
        assertEquals(2, summary.size());
        assertTrue(summary.get(1).startsWith(row + ",nio,16384,8,false,on,loopback,-1,"), summary.get(1));

        JfrSession.JfrReport jfrReport = jfr.finish(results);
        assertEquals(List.of(), jfrReport.warnings());
        assertEquals(List.of(run.resolve("jfr/" + row + ".jfr")), jfrReport.recordings());
        List<RecordedEvent> events = RecordingFile.readAllEvents(jfrReport.recordings().getFirst());
        assertTrue(events.stream().anyMatch(e -> e.getEventType().getName().equals("jdk.NativeMethodSample")),
                "the sender's time in native code (sendto) is sampled");
        List<RecordedEvent> iterations = events.stream()
                .filter(e -> e.getEventType().getName().equals(IterationEvent.NAME)).toList();
        assertFalse(iterations.isEmpty(), "zcbench.Iteration events in the recording");
        RecordedEvent it = iterations.getFirst();
        assertEquals("nio", it.getString("variant"));
        assertEquals(16384, it.getInt("payload"));
        assertEquals(row, it.getString("row"));
        assertTrue(it.getLong("packets") > 0 && it.getLong("bytes") == 16384L * it.getLong("packets"));
        assertTrue(it.getDuration().toMillis() >= 900, "spans the 1 s iteration: " + it.getDuration());

        var secondary = results.iterator().next().getAggregatedResult().getSecondaryResults();
        assertNotNull(secondary.get(CpuMetric.NS_PER_PACKET.id()), secondary.keySet().toString());
        assertTrue(secondary.get(CpuMetric.SYS_PCT.id()).getScore() > secondary.get(CpuMetric.USER_PCT.id()).getScore(),
                "UDP sends spend their time in the kernel");
    }
}

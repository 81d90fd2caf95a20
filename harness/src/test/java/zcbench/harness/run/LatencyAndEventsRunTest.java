package zcbench.harness.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openjdk.jmh.runner.options.CommandLineOptions;

import zcbench.analysis.jmh.Run;
import zcbench.analysis.latency.LatencyHistograms;
import zcbench.analysis.table.SpeedupRow;
import zcbench.analysis.table.SpeedupTable;
import zcbench.harness.plan.PlanSpec;
import zcbench.harness.plan.RowSelection;
import zcbench.harness.plan.Timing;
import zcbench.profiles.events.KernelEventsProfiler;
import zcbench.vocabulary.KernelEvent;
import zcbench.vocabulary.LatencyPercentile;
import zcbench.vocabulary.ResultFiles;
import zcbench.vocabulary.Row;

/**
 * A row with latency=true leaves its fork's histogram in the run folder's latency/, which speedup.csv's
 * percentiles come from; with --events (where perf can count) the row has its events per packet.
 */
class LatencyAndEventsRunTest {

    @Test
    void eventsAreCountedOnTheSendingCpusOrEveryCpuWhenUnpinned() {
        BitSet allowed = RowSelection.ALLOWED_CPUS.get();
        int last = allowed.length() - 1;
        assertEquals(Integer.toString(last), Profiling.perfCpus(Row.of(Map.of("variant", "uring_zc"))));
        assertEquals("", Profiling.perfCpus(Row.of(Map.of("variant", "uring_zc", "cpu", "-1"))));
        if (allowed.cardinality() > 1) {
            assertEquals(last + "," + allowed.previousSetBit(last - 1),
                    Profiling.perfCpus(Row.of(Map.of("variant", "uring_zc", "threads", "2"))));
        }
    }

    @Test
    void aLatencyRowLeavesItsHistogramAndEventsComeWherePerfCounts(@TempDir Path tmp) throws Exception {
        System.setProperty("jmh.ignoreLock", "true");
        boolean events = KernelEventsProfiler.missing() == null;
        Row row = Row.of(Map.of("variant", "uring_zc_fixed", "payload", "4096", "latency", "true"));
        PlanSpec spec = new PlanSpec("test", new Timing(1, 1, 100, 2, 200), List.of(row));
        RunFolder folder = RunFolder.create(tmp, "test");
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(console, true, StandardCharsets.UTF_8);
        Profiling profiling = Profiling.prepare(null, false, events, folder.dir(), out);
        PlanRunner.Outcome outcome = new PlanRunner(spec, "loopback", new CommandLineOptions(), folder, profiling,
                false, out, Duration.ofSeconds(5), left -> { }).run();
        assertEquals(List.of(), outcome.failures(), console.toString(StandardCharsets.UTF_8));

        String key = row.key("loopback");
        try (Stream<Path> files = Files.list(folder.dir().resolve(ResultFiles.LATENCY_DIR))) {
            List<String> names = files.map(f -> f.getFileName().toString()).toList();
            assertEquals(1, names.size(), names.toString());
            assertTrue(names.getFirst().startsWith(key + ".") && names.getFirst().endsWith(".0.hdr"), names.toString());
        }
        Histogram h = LatencyHistograms.of(folder.dir(), key).orElseThrow();
        assertTrue(h.getTotalCount() > 0, "notifications of the measured iterations");
        SpeedupRow r = SpeedupTable.of(Run.load(folder.dir()), "msg_zerocopy").rows().getFirst();
        for (LatencyPercentile p : LatencyPercentile.values()) {
            assertTrue(Double.isFinite(r.latency().get(p.id())), p.id());
        }
        if (events) {
            // System-wide on the sending CPU: other work there adds, so at least the row's own two CQEs.
            double cqes = r.events().get(KernelEvent.IO_URING_COMPLETE.id());
            assertTrue(cqes >= 1.9, "io_uring_complete per packet: " + cqes + "\n" + Files.readString(folder.jmhLog()));
        }
    }
}

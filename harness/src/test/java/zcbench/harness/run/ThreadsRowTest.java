package zcbench.harness.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.RunResult;

import zcbench.analysis.table.Units;
import zcbench.harness.plan.RowSelection;
import zcbench.harness.targets.SinkNetwork;
import zcbench.vocabulary.Counter;
import zcbench.vocabulary.Knobs;
import zcbench.vocabulary.ResultFiles;
import zcbench.vocabulary.Row;

/** A row with threads=2: both senders send, each one's MB/s is kept, and they add up to the row's. */
class ThreadsRowTest {
    private static final int PAYLOAD = 4096;
    private static final int BATCH = 8;
    private static final int ITERATIONS = 2;

    @Test
    void twoSendersOnLoopback(@TempDir Path tmp) throws Exception {
        measuresBoth(tmp, "loopback");
    }

    @Test
    void twoSendersOnTheSinkEachDeliveredOnce(@TempDir Path tmp) throws Exception {
        assumeTrue(SinkNetwork.unavailableReason() == null, () -> "skipped: " + SinkNetwork.unavailableReason());
        RunResult run = measuresBoth(tmp, "sink");
        double packets = run.getSecondaryResults().get(Counter.PACKETS.id()).getScore();
        double delivered = run.getSecondaryResults().get(Counter.DELIVERED.id()).getScore();
        // Each sender has its own sink, so the ifb counts of the two add up to the row's packets, once.
        assertTrue(delivered > 0.9 * packets && delivered <= packets * 1.001,
                "delivered " + delivered + " of " + packets + " packets");
    }

    @Test
    void theSendersTakeEveryCpuOnlyWhenPinnedAndAsManyAsTheCpus() {
        int cpus = RowSelection.ALLOWED_CPUS.get().cardinality();
        String all = Integer.toString(cpus);
        assertTrue(PlanRunner.sendersTakeEveryCpu(Row.of(Map.of("variant", "uring_zc", "threads", all))));
        assertFalse(PlanRunner.sendersTakeEveryCpu(Row.of(Map.of("variant", "uring_zc", "threads", all, "cpu", "-1"))));
        assertEquals(cpus == 1, PlanRunner.sendersTakeEveryCpu(Row.of(Map.of("variant", "uring_zc"))));
    }

    private static RunResult measuresBoth(Path tmp, String target) throws Exception {
        Row row = Row.of(Map.of("variant", "uring_zc", "payload", Integer.toString(PAYLOAD), "threads", "2"));
        OneRow measured = OneRow.run(tmp, row, target, ITERATIONS);
        PlanRunner.Outcome outcome = measured.outcome();
        RunFolder folder = measured.folder();
        String printed = measured.printed();
        assertEquals(List.of(), outcome.failures(), printed);
        assertEquals(1, outcome.results().size(), printed);
        RunResult run = outcome.results().getFirst();

        double perOp = Units.mibPerOperation(BATCH, PAYLOAD);
        List<IterationResult> iterations = List.copyOf(run.getBenchmarkResults().iterator().next().getIterationResults());
        assertEquals(ITERATIONS, iterations.size());
        ThreadResults threads = ThreadResults.of(run);
        for (int i = 0; i < ITERATIONS; i++) {
            List<Double> perThread = threads.mbPerSecond().getFirst().get(i);
            assertEquals(2, perThread.size(), "both threads' results of iteration " + (i + 1));
            perThread.forEach(mb -> assertTrue(mb > 0, "each sender sent: " + perThread));
            double sum = perThread.stream().mapToDouble(Double::doubleValue).sum();
            double jmh = iterations.get(i).getPrimaryResult().getScore() * perOp;
            assertEquals(jmh, sum, jmh * 1e-9, "the threads add up to JMH's score of iteration " + (i + 1));
        }
        double mean = threads.meanPerThread().stream().mapToDouble(Double::doubleValue).sum();
        assertEquals(run.getPrimaryResult().getScore() * perOp, mean, mean * 1e-9, "and to the row's");

        List<String> csv = Files.readAllLines(folder.dir().resolve(ResultFiles.THREADS_CSV));
        assertEquals(ThreadResults.HEADER.strip(), csv.getFirst());
        assertEquals(1 + 2 * ITERATIONS, csv.size(), csv.toString());
        String key = row.key(target);
        for (String line : csv.subList(1, csv.size())) {
            String[] cells = line.split(",");
            assertEquals(key, cells[0]);
            assertTrue(Double.parseDouble(cells[4]) > 0, line);
        }
        assertTrue(printed.contains("threads=2"), printed);
        assertTrue(printed.contains("per thread ") && printed.contains(ResultFiles.THREADS_CSV), printed);
        if (RowSelection.ALLOWED_CPUS.get().cardinality() <= 2) {
            assertTrue(printed.contains(Knobs.SHARED_CPU), printed);
        }
        return run;
    }
}

package zcbench.analysis.jmh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import zcbench.analysis.Fixtures;

class RunTest {
    @TempDir
    Path tmp;

    @Test
    void theLatestSymlinkIsNamedAfterTheRunItPointsTo() throws IOException {
        Path run = Fixtures.copy(Fixtures.SINK, tmp);
        Path latest = Files.createSymbolicLink(tmp.resolve("latest"), run);
        assertEquals(Fixtures.SINK, Run.load(latest).name());
        assertEquals(run.toRealPath(), Run.load(latest).dir());
    }

    @Test
    void readsEveryResultWithItsParamsCountersAndEnvironment() {
        Run run = Run.load(Fixtures.resource(Fixtures.SINK));
        assertEquals(24, run.results().size());
        assertEquals(Fixtures.SINK, run.name());
        JmhResult r = run.results().getFirst();
        assertEquals("zcbench.harness.bench.UdpSendBenchmark.send", r.benchmark());
        assertTrue(r.zcbenchParams().isPresent());
        for (String counter : new String[] {"packets", "bytes", "notifications", "copied", "retries", "enters"}) {
            assertTrue(Double.isFinite(r.secondaryScore(counter)), counter);
        }
        assertTrue(run.env().get("kernel").contains("6.18"));
        assertEquals("{\"net.core.optmem_max\":20480,\"net.core.wmem_max\":212992}", run.env().get("sysctls"));
    }

    @Test
    void nanErrorsOfSingleSampleRowsAreMissingValuesNotCrashes() {
        Run run = Run.load(Fixtures.resource(Fixtures.PLAIN));
        Metric single = run.results().stream().filter(r -> r.forks() == 1).findFirst().orElseThrow().primary();
        assertTrue(Double.isFinite(single.score()));
        assertTrue(Double.isNaN(single.error()));
        assertTrue(Double.isNaN(single.low()) && Double.isNaN(single.high()));
        assertEquals(1000, single.perSecondFactor()); // written with -tu ms
    }

    @Test
    void aJsonFileOutsideARunFolderIsARunOfItsOwnWithoutEnvironment() {
        Run run = Run.load(Fixtures.resource(Fixtures.PLAIN));
        assertEquals(Fixtures.PLAIN, run.name());
        assertEquals(Fixtures.resource(Fixtures.PLAIN).getParent(), run.dir());
        assertTrue(run.env().isEmpty());
        assertEquals(Path.of(Fixtures.PLAIN), run.jmhJson().getFileName());
    }
}

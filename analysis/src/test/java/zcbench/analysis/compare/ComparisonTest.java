package zcbench.analysis.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import zcbench.analysis.Fixtures;
import zcbench.analysis.jmh.Run;
import zcbench.analysis.report.CompareReports;
import zcbench.analysis.table.Variants;

class ComparisonTest {
    private static final Run SINK = Run.load(Fixtures.resource(Fixtures.SINK));
    private static final Run LOOPBACK = Run.load(Fixtures.resource(Fixtures.LOOPBACK));
    private static final Run PLAIN = Run.load(Fixtures.resource(Fixtures.PLAIN));

    @TempDir
    Path tmp;

    @Test
    void aRunComparedWithItselfShowsNoDifferenceOnEveryRow() {
        for (Run run : List.of(SINK, LOOPBACK, PLAIN)) {
            Comparison c = Comparison.of(run, run);
            assertEquals(run.results().size(), c.rows().size());
            assertTrue(c.rows().stream().allMatch(r -> r.verdict() == Verdict.NO_DIFFERENCE), run.name());
            assertTrue(c.rows().stream().allMatch(r -> r.ratio() == 1.0));
            assertTrue(c.compared().isEmpty());
        }
    }

    @Test
    void sinkAgainstLoopbackComparesTheTargetAndTheZeroCopyRowsDiffer() {
        Comparison c = Comparison.of(SINK, LOOPBACK);
        assertEquals(List.of("target: sink -> loopback"), c.compared());
        assertEquals(24, c.matched().size());
        List<ComparisonRow> zeroCopy = c.matched().stream().filter(r -> Variants.isZeroCopy(
                r.a().params().variant())).toList();
        assertEquals(15, zeroCopy.size());
        assertTrue(zeroCopy.stream().allMatch(r -> r.verdict() == Verdict.SLOWER));
        assertTrue(zeroCopy.stream().allMatch(r -> r.ratioLow() <= r.ratio() && r.ratio() <= r.ratioHigh()));
        assertEquals("sink -> loopback", zeroCopy.getFirst().params().get(5));
        assertTrue(CompareText.render(c).contains("Compared: target: sink -> loopback."));
    }

    @Test
    void fasterSlowerAndUnknownFollowTheIntervals() {
        Comparison c = Comparison.of(PLAIN, SINK);
        ComparisonRow zc = c.matched().stream().filter(r -> r.a().params().variant().equals("uring_zc")).findFirst()
                .orElseThrow();
        assertEquals(Verdict.FASTER, zc.verdict()); // the plain file's uring_zc sink row was slowed by copying
        assertTrue(zc.a().mbS().high() < zc.b().mbS().low());
        ComparisonRow single = c.matched().stream().filter(r -> r.a().params().variant().equals("uring_zc_fixed"))
                .findFirst().orElseThrow();
        assertEquals(Verdict.UNKNOWN, single.verdict());
        Comparison back = Comparison.of(SINK, PLAIN);
        assertEquals(Verdict.SLOWER, back.matched().stream()
                .filter(r -> r.a().params().variant().equals("uring_zc")).findFirst().orElseThrow().verdict());
    }

    @Test
    void rowsInOnlyOneRunAreListedNotDropped() {
        Comparison c = Comparison.of(PLAIN, SINK);
        assertEquals(4, c.matched().size());
        assertEquals(2, c.only(Verdict.ONLY_A).size());
        assertEquals(20, c.only(Verdict.ONLY_B).size());
        assertEquals(26, c.rows().size());
        String text = CompareText.render(c);
        assertTrue(text.contains("only in A (not compared):\n  copy (no MSG_ZEROCOPY), batch=1 (65435 B, loopback)"));
        assertTrue(CompareCsv.render(c).contains(",only in B,"));
    }

    @Test
    void writesCompareCsvAndHtmlIntoBsFolderWithOneRatioMarkPerMatchedRow() throws IOException {
        Path a = Fixtures.copy(Fixtures.SINK, tmp.resolve("a"));
        Path b = Fixtures.copy(Fixtures.LOOPBACK, tmp.resolve("b"));
        CompareReports.CompareReport report = CompareReports.write(a, b, null);
        assertEquals(List.of(b.resolve("compare.csv"), b.resolve("compare.html")), report.files());
        assertEquals(25, Files.readString(b.resolve("compare.csv")).lines().count());
        String html = Files.readString(b.resolve("compare.html"));
        assertEquals(24, Pattern.compile("<g id='ratio-\\d+' class='ratio-mark'>").matcher(html).results().count());
        assertEquals(24, Pattern.compile("<tr class=\"compare-row\"").matcher(html).results().count());
        assertEquals(List.of("env.json", "jmh.json", "speedup.csv"), Fixtures.fileNames(a));
    }
}

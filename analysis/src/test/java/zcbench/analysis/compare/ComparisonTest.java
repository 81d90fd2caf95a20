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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import zcbench.analysis.Fixtures;
import zcbench.analysis.jmh.Run;
import zcbench.analysis.report.CompareReports;
import zcbench.analysis.table.Variants;

class ComparisonTest {
    static final List<String> REAL_RUNS = Fixtures.REAL_RUNS;
    private static final Run SMOKE_SINK = Run.load(Fixtures.resource(Fixtures.SMOKE_SINK));
    private static final Run SMOKE_LOOPBACK = Run.load(Fixtures.resource(Fixtures.SMOKE_LOOPBACK));
    private static final Run SEED = Run.load(Fixtures.resource(Fixtures.SEED_SINK));
    private static final Run SEED_LOOPBACK = Run.load(Fixtures.resource(Fixtures.SEED_LOOPBACK));
    private static final Run SEED_EARLIER = Run.load(Fixtures.resource(Fixtures.SEED_SINK_EARLIER));
    private static final Run SIZES = Run.load(Fixtures.resource(Fixtures.SIZES_SINK));

    @TempDir
    Path tmp;

    private static boolean zeroCopy(ComparisonRow r) {
        return Variants.isZeroCopy(r.a().params().variant());
    }

    private static ComparisonRow row(Comparison c, String test) {
        return c.matched().stream().filter(r -> r.a().test().equals(test)).findFirst().orElseThrow();
    }

    /** Also for the one-iteration runs: the same scores are no difference, interval or not. */
    @ParameterizedTest(name = "{0}")
    @FieldSource("REAL_RUNS")
    void aRunComparedWithItselfShowsNoDifferenceOnEveryRow(String fixture) {
        Run run = Run.load(Fixtures.resource(fixture));
        Comparison c = Comparison.of(run, run);
        assertEquals(run.results().size(), c.rows().size());
        assertEquals(c.rows(), c.matched());
        assertTrue(c.rows().stream().allMatch(r -> r.verdict() == Verdict.NO_DIFFERENCE));
        assertTrue(c.rows().stream().allMatch(r -> r.ratio() == 1.0));
        assertTrue(c.compared().isEmpty());
    }

    /**
     * The real sink/loopback pair measured one iteration per row, so no row has an interval: the verdict
     * cannot be "slower" (nor "no difference"), only "unknown: no interval", though loopback's zero-copy rows
     * reached 27-54 % of the sink's MB/s and the kernel copied all their sends.
     */
    @Test
    void smokeSinkAgainstSmokeLoopbackComparesTheTargetButWithoutIntervalsCannotCallADifference() {
        Comparison c = Comparison.of(SMOKE_SINK, SMOKE_LOOPBACK);
        assertEquals(List.of("target: sink -> loopback"), c.compared());
        assertEquals(5, c.matched().size());
        assertTrue(c.matched().stream().allMatch(r -> r.verdict() == Verdict.UNKNOWN));
        assertTrue(c.matched().stream().allMatch(r -> Double.isNaN(r.ratioLow()) && Double.isNaN(r.ratioHigh())));
        List<ComparisonRow> zeroCopy = c.matched().stream().filter(ComparisonTest::zeroCopy).toList();
        assertEquals(3, zeroCopy.size());
        assertTrue(zeroCopy.stream().allMatch(r -> r.ratio() > 0.25 && r.ratio() < 0.55), zeroCopy.toString());
        assertTrue(zeroCopy.stream().allMatch(r -> r.a().copiedPct() == 0 && r.b().copiedPct() == 100));
        assertEquals("sink -> loopback", zeroCopy.getFirst().params().get(5));
        String text = CompareText.render(c);
        assertTrue(text.contains("Compared: target: sink -> loopback."));
        assertEquals(5, text.lines().filter(l -> l.contains(" -  unknown: no interval ")).count(), text);
    }

    /**
     * The real seed pair, 3 iterations each: on loopback the kernel copied every zero-copy send, and six of the
     * seven zero-copy rows reached a quarter to a third of the sink's MB/s with intervals far apart, so they are
     * slower. msg_zerocopy (batch=1) is the exception: its loopback interval is so wide (6962 +- 5813 MB/s) that
     * it reaches into the sink's [10138, 16210], so that row is "no difference" although it measured 0.53 of
     * the sink. The two copying rows (copy, uring_send) overlap too.
     */
    @Test
    void seedSinkAgainstSeedLoopbackSaysTheZeroCopyRowsDiffer() {
        Comparison c = Comparison.of(SEED, SEED_LOOPBACK);
        assertEquals(List.of("target: sink -> loopback"), c.compared());
        assertEquals(9, c.matched().size());
        assertEquals(c.rows(), c.matched());
        List<ComparisonRow> zeroCopy = c.matched().stream().filter(ComparisonTest::zeroCopy).toList();
        assertEquals(7, zeroCopy.size());
        assertTrue(zeroCopy.stream().allMatch(r -> r.a().copiedPct() == 0 && r.b().copiedPct() == 100));

        ComparisonRow msgZerocopy = row(c, "msg_zerocopy -z, batch=1");
        assertEquals(Verdict.NO_DIFFERENCE, msgZerocopy.verdict());
        assertTrue(msgZerocopy.ratio() > 0.5 && msgZerocopy.ratio() < 0.55, msgZerocopy.toString());
        assertTrue(msgZerocopy.b().mbS().high() > msgZerocopy.a().mbS().low(), "the intervals overlap");
        assertTrue(msgZerocopy.ratioLow() < 1 && msgZerocopy.ratioHigh() > 1, msgZerocopy.toString());

        List<ComparisonRow> slower = zeroCopy.stream().filter(r -> r != msgZerocopy).toList();
        assertEquals(6, slower.size());
        for (ComparisonRow r : slower) {
            assertEquals(Verdict.SLOWER, r.verdict(), r.label());
            assertTrue(r.b().mbS().high() < r.a().mbS().low(), r.label());
            assertTrue(r.ratio() > 0.2 && r.ratio() < 0.35, r.label() + " " + r.ratio());
            assertTrue(r.ratioLow() <= r.ratio() && r.ratio() <= r.ratioHigh() && r.ratioHigh() < 0.6, r.label());
        }

        List<ComparisonRow> copying = c.matched().stream().filter(r -> !zeroCopy(r)).toList();
        assertEquals(List.of("copy (no MSG_ZEROCOPY), batch=1", "io_uring send, nr_reqs=8"),
                copying.stream().map(r -> r.a().test()).toList());
        assertTrue(copying.stream().allMatch(r -> r.verdict() == Verdict.NO_DIFFERENCE), copying.toString());

        String text = CompareText.render(c);
        assertTrue(text.contains("Compared: target: sink -> loopback."), text);
        assertEquals(6, text.lines().filter(l -> l.contains(" slower ")).count(), text);
        assertEquals(7, text.lines().filter(l -> l.contains(" 0 / 100")).count(), text);
    }

    /** Real intervals of two real seed runs: one row's intervals do not overlap, the other eight do. */
    @Test
    void fasterSlowerAndNoDifferenceFollowTheIntervalsOfTwoRealRuns() {
        Comparison c = Comparison.of(SEED, SEED_EARLIER);
        assertTrue(c.compared().isEmpty());
        assertEquals(9, c.matched().size());
        ComparisonRow flushed = row(c, "io_uring zc fixed, flush=true, nr_reqs=8");
        assertEquals(Verdict.SLOWER, flushed.verdict());
        assertTrue(flushed.b().mbS().high() < flushed.a().mbS().low());
        assertTrue(flushed.ratioHigh() < 1);
        assertEquals(8, c.matched().stream().filter(r -> r.verdict() == Verdict.NO_DIFFERENCE).count());
        ComparisonRow back = row(Comparison.of(SEED_EARLIER, SEED), "io_uring zc fixed, flush=true, nr_reqs=8");
        assertEquals(Verdict.FASTER, back.verdict());
        assertTrue(back.ratioLow() > 1);
    }

    @Test
    void aRowWithoutAnIntervalOnOneSideIsUnknown() {
        Comparison c = Comparison.of(SMOKE_SINK, SIZES);
        ComparisonRow zc = row(c, "io_uring zc fixed, flush=false, nr_reqs=8");
        assertTrue(Double.isNaN(zc.a().mbS().error()) && Double.isFinite(zc.b().mbS().error()));
        assertEquals(Verdict.UNKNOWN, zc.verdict());
    }

    @Test
    void rowsInOnlyOneRunAreListedNotDropped() {
        Comparison c = Comparison.of(SEED, SIZES);
        assertTrue(c.compared().isEmpty());
        assertEquals(2, c.matched().size()); // uring_zc and uring_zc_fixed, flush=false, nr_reqs=8 at 65435 B
        assertEquals(7, c.only(Verdict.ONLY_A).size());
        assertEquals(10, c.only(Verdict.ONLY_B).size());
        assertEquals(19, c.rows().size());
        String text = CompareText.render(c);
        assertTrue(text.contains("only in A (not compared):\n  copy (no MSG_ZEROCOPY), batch=1 (65435 B, sink)"), text);
        assertTrue(text.contains("only in B (not compared):\n  copy (no MSG_ZEROCOPY), batch=8 (4096 B, sink)"), text);
        assertTrue(CompareCsv.render(c).contains(",only in B,"));
    }

    @Test
    void writesCompareCsvAndHtmlIntoBsFolderWithOneRatioMarkPerMatchedRow() throws IOException {
        Path a = Fixtures.copy(Fixtures.SMOKE_SINK, tmp.resolve("a"));
        Path b = Fixtures.copy(Fixtures.SMOKE_LOOPBACK, tmp.resolve("b"));
        CompareReports.CompareReport report = CompareReports.write(a, b, null);
        assertEquals(List.of(b.resolve("compare.csv"), b.resolve("compare.html")), report.files());
        List<String> csv = Files.readAllLines(b.resolve("compare.csv"));
        assertEquals(6, csv.size());
        assertTrue(csv.stream().skip(1).allMatch(l -> l.contains(",,,unknown: no interval,")), csv.toString());
        String html = Files.readString(b.resolve("compare.html"));
        assertEquals(5, Pattern.compile("<g id='ratio-\\d+' class='ratio-mark'>").matcher(html).results().count());
        assertEquals(5, Pattern.compile("<tr class=\"compare-row\"").matcher(html).results().count());
        assertEquals(List.of("env.json", "jmh.json", "speedup.csv"), Fixtures.fileNames(a));
    }
}

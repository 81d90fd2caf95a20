package zcbench.analysis.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import zcbench.analysis.Fixtures;
import zcbench.analysis.compare.Comparison;
import zcbench.analysis.compare.ComparisonRow;
import zcbench.analysis.compare.Verdict;
import zcbench.analysis.jmh.JmhResult;
import zcbench.analysis.jmh.Metric;
import zcbench.analysis.jmh.Run;
import zcbench.analysis.table.SpeedupRow;
import zcbench.analysis.table.SpeedupTable;
import zcbench.vocabulary.Variant;

/** The interval method on recorded runs: a fork disturbed on purpose, and ratios known by construction. */
class IntervalsTest {
    private static final Run NOISY_FORK = Run.load(Fixtures.resource(Fixtures.NOISY_FORK_SINK));
    private static final Run FORKS = Run.load(Fixtures.resource(Fixtures.SEED_SINK_FORKS));

    @TempDir
    Path tmp;

    private static JmhResult result(Run run, String variant) {
        return run.results().stream().filter(r -> r.params().get("variant").equals(variant)).findFirst()
                .orElseThrow();
    }

    private static double mean(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
    }

    /**
     * Row copy of noisy-fork-sink: a CPU hog shared the sender's CPU during its second fork. Its interval spans
     * every fork's mean, and is wider than the same iterations give when taken as one JVM's: the variation between
     * forks is in it.
     */
    @Test
    void aDisturbedForkWidensItsRowsIntervalOverEveryForksMean() {
        JmhResult copy = result(NOISY_FORK, "copy");
        ForkSamples samples = copy.samples();
        assertEquals(3, samples.forkCount());
        List<Double> forkMeans = samples.forks().stream().map(IntervalsTest::mean).toList();
        double slowest = forkMeans.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
        double fastest = forkMeans.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
        assertTrue(slowest < 0.8 * fastest, "the hog's fork is well below the others: " + forkMeans);

        Metric row = copy.score();
        assertTrue(row.low() < slowest && row.high() > fastest, row + " over " + forkMeans);
        assertTrue(Intervals.noisy(row), row.toString());

        ForkSamples asOneJvm = new ForkSamples(List.of(samples.forks().stream().flatMap(List::stream).toList()));
        Interval pooled = Bootstrap.mean(asOneJvm);
        assertTrue(row.high() - row.low() > pooled.high() - pooled.low(),
                "forks drawn first widen it: " + row + " vs " + pooled);
    }

    /** The steadiest row of the same run keeps a narrow interval: the method does not widen everything. */
    @Test
    void steadyForksKeepANarrowInterval() {
        JmhResult fixed = result(NOISY_FORK, "uring_zc_fixed");
        Metric row = fixed.score();
        assertFalse(Intervals.noisy(row), row.toString());
        assertTrue(Intervals.errorPercent(row) < 5, row.toString());
    }

    /**
     * Run B is run A with every iteration multiplied by 1.25: every B/A is 1.25 exactly, every interval holds it,
     * and every row whose two intervals are under the noise mark is called faster.
     */
    @Test
    void aKnownRatioIsInsideEveryIntervalAndCalledWhereTheRowsAreSteady() {
        Run faster = Run.load(Fixtures.scaled(Fixtures.SEED_SINK_FORKS, 1.25, tmp.resolve("faster")));
        Comparison c = Comparison.of(FORKS, faster);
        assertEquals(9, c.matched().size());
        for (ComparisonRow r : c.matched()) {
            assertEquals(1.25, r.ratio(), 1e-9, r.label());
            assertTrue(r.ratioLow() <= 1.25 && 1.25 <= r.ratioHigh(), r.label() + " " + r);
            assertEquals(r.ratioLow() > 1 ? Verdict.FASTER : Verdict.NO_DIFFERENCE, r.verdict(), r.label());
            if (!r.a().noisy()) {
                assertEquals(Verdict.FASTER, r.verdict(), r.label());
            }
        }
        assertTrue(c.matched().stream().anyMatch(r -> r.verdict() == Verdict.FASTER));
        Comparison back = Comparison.of(faster, FORKS);
        assertTrue(back.matched().stream().filter(r -> !r.a().noisy())
                .allMatch(r -> r.verdict() == Verdict.SLOWER && r.ratioHigh() < 1));
    }

    /** The same run twice: every ratio is 1, every interval holds 1, no row differs. */
    @Test
    void aRunAgainstItselfDiffersNowhere() {
        Run again = Run.load(Fixtures.scaled(Fixtures.SEED_SINK_FORKS, 1.0, tmp.resolve("again")));
        Comparison c = Comparison.of(FORKS, again);
        assertTrue(c.matched().stream().allMatch(r -> r.verdict() == Verdict.NO_DIFFERENCE));
        assertTrue(c.matched().stream().allMatch(r -> r.ratioLow() <= 1 && r.ratioHigh() >= 1));
    }

    /**
     * A speedup's interval: its own row against a baseline scaled by a known factor holds the speedup; the
     * baseline's is exactly [1, 1]; a run of one fork has none.
     */
    @Test
    void speedupIntervalsHoldTheirSpeedupAndNeedTwoForks() {
        SpeedupTable t = SpeedupTable.of(FORKS, Variant.DEFAULT_BASELINE);
        for (SpeedupRow r : t.rows()) {
            Interval i = r.speedupInterval();
            assertTrue(i.low() <= r.speedup() && r.speedup() <= i.high(), r.test() + " " + i);
            if (r.baselineNo() == r.no()) {
                assertEquals(new Interval(1, 1), i);
            }
        }
        SpeedupTable oneFork = SpeedupTable.of(Run.load(Fixtures.resource(Fixtures.SEED_SINK)),
                Variant.DEFAULT_BASELINE);
        assertTrue(oneFork.rows().stream().noneMatch(r -> r.speedupInterval().exists()));
    }

    /** Two rows with the same iterations, one of them times 2: the ratio interval holds 2 and not 1. */
    @Test
    void aRatioOfARowToItselfTimesTwoIsTwo() {
        ForkSamples base = result(NOISY_FORK, "uring_zc_fixed").samples();
        Interval i = Intervals.ratio(base.scaled(2), base);
        assertTrue(i.low() < 2 && 2 < i.high() && i.low() > 1, i.toString());
    }

    /** Seeded: the same data give the same interval, so that a report of the same run is the same file. */
    @Test
    void theBootstrapIsRepeatable() {
        ForkSamples s = result(FORKS, "msg_zerocopy").samples();
        assertEquals(Bootstrap.mean(s), Bootstrap.mean(s));
        assertEquals(Bootstrap.ratio(s, s.scaled(0.5)), Bootstrap.ratio(s, s.scaled(0.5)));
    }

    /**
     * For one steady fork the expanded bootstrap is close to JMH's own Student's t interval over the same
     * iterations (which zcbench shows for one fork): the expansion is what makes it so.
     */
    @Test
    void theExpansionBringsOneForksBootstrapCloseToJmhsTInterval() {
        assertTrue(Bootstrap.expansion(12) > 1.3 && Bootstrap.expansion(12) < 1.5, "t(11) x sqrt(12/11) / z");
        assertTrue(Bootstrap.expansion(1000) < 1.02);
        for (JmhResult r : Run.load(Fixtures.resource(Fixtures.SEED_SINK_EARLIER)).results()) {
            double jmh = r.primary().error();
            double ours = Bootstrap.mean(r.samples()).halfWidth();
            assertTrue(ours > 0.6 * jmh && ours < 1.4 * jmh, r.params() + ": " + ours + " vs JMH's " + jmh);
        }
    }

    @Test
    void fewerThanTwoSamplesHaveNoInterval() {
        ForkSamples one = new ForkSamples(List.of(List.of(5.0)));
        assertFalse(Bootstrap.mean(one).exists());
        assertFalse(Intervals.ratio(one, one).exists());
        assertFalse(Intervals.ratio(new ForkSamples(List.of(List.of(1.0, 2.0, 3.0))),
                new ForkSamples(List.of(List.of(1.0, 2.0), List.of(3.0, 4.0)))).exists(), "one fork: no ratio");
    }
}

package zcbench.analysis.table;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import zcbench.analysis.AnalysisException;
import zcbench.analysis.latency.LatencyHistograms;
import zcbench.analysis.jmh.JmhResult;
import zcbench.analysis.jmh.Metric;
import zcbench.analysis.jmh.Run;
import zcbench.analysis.rfc.RfcFigure;
import zcbench.analysis.rfc.RfcFigures;
import zcbench.analysis.stats.ForkSamples;
import zcbench.analysis.stats.Interval;
import zcbench.analysis.stats.IntervalMethod;
import zcbench.analysis.stats.Intervals;
import zcbench.vocabulary.Counter;
import zcbench.vocabulary.CpuMetric;
import zcbench.vocabulary.KernelEvent;
import zcbench.vocabulary.Knob;
import zcbench.vocabulary.Knobs;
import zcbench.vocabulary.Row;
import zcbench.vocabulary.Variant;

/**
 * The speedup table of one run: rows sorted by {@link RowLabels#ROW_ORDER} and numbered from 1, each row's
 * speedup against the baseline variant's row of the same payload and target.
 */
public record SpeedupTable(Run run, String baseline, List<SpeedupRow> rows, List<String> notes) {

    /** @AuxCounters reported per packet. */
    public static final List<Counter> COUNTERS = List.of(Counter.NOTIFICATIONS, Counter.COPIED, Counter.RETRIES,
            Counter.ENTERS);
    /** @AuxCounters reported per packet that came later, so their columns come last. */
    public static final List<Counter> LATER_COUNTERS = List.of(Counter.SYSCALLS);
    /** @AuxCounters reported per packet that came after the row key's column, so theirs come after the knobs'. */
    public static final List<Counter> COUNTERS_AFTER_ROW = List.of(Counter.SHORT_SENDS);
    /** A sink row that counted fewer of its packets than this share (in %) is flagged. */
    public static final double DELIVERED_PCT_FLAG = 99.9;
    /**
     * What a baseline row should agree on, most important first: the loop knobs (a speedup is against the
     * baseline run the same way; the RFC's was the selftest's loop, poll=true), then batch, flush, ubuf_cache and
     * cpu; knobs added since count after those.
     */
    private static final List<Knob> BASELINE_MATCH = baselineMatch();

    /** A payload and target: the rows that share a baseline. */
    public record Group(int payload, String target, List<SpeedupRow> rows) {
        public String title() {
            return payload + " bytes, " + target;
        }
    }

    public static SpeedupTable of(Run run, String baseline) {
        Set<String> variants = run.results().stream().map(r -> params(r).variant())
                .collect(Collectors.toCollection(TreeSet::new));
        if (!Variant.ids().contains(baseline) && !variants.contains(baseline)) {
            throw new AnalysisException("Baseline \"" + baseline + "\" is not a variant; pick one of "
                    + String.join(", ", new LinkedHashSet<>(concat(Variant.ids(), variants))) + ".");
        }
        List<JmhResult> sorted = run.results().stream()
                .sorted(Comparator.comparing(SpeedupTable::params, RowLabels.ROW_ORDER)).toList();
        List<String> notes = new ArrayList<>(run.notes());
        List<SpeedupRow> rows = new ArrayList<>();
        for (int i = 0; i < sorted.size(); i++) {
            int b = baselineIndex(sorted, i, baseline);
            if (b < 0) {
                Row p = params(sorted.get(i));
                String note = "No " + baseline + " row for " + p.payload() + " bytes, " + p.target()
                        + ": speedup left empty for its rows.";
                if (!notes.contains(note)) {
                    notes.add(note);
                }
            }
            rows.add(row(i + 1, sorted.get(i), b < 0 ? null : sorted.get(b), b + 1, b == i, run.dir()));
        }
        return new SpeedupTable(run, baseline, List.copyOf(rows), List.copyOf(notes));
    }

    public List<Group> groups() {
        Map<String, List<SpeedupRow>> byGroup = new LinkedHashMap<>();
        rows.forEach(r -> byGroup.computeIfAbsent(r.row().payload() + " " + r.row().target(),
                k -> new ArrayList<>()).add(r));
        return byGroup.values().stream()
                .map(g -> new Group(g.getFirst().row().payload(), g.getFirst().row().target(), List.copyOf(g)))
                .toList();
    }

    /** Whether some row's speedup is against this one. */
    public boolean isBaseline(SpeedupRow row) {
        return rows.stream().anyMatch(r -> r.baselineNo() == row.no());
    }

    public Set<Integer> payloads() {
        return rows.stream().map(r -> r.row().payload()).collect(Collectors.toCollection(TreeSet::new));
    }

    /** Whether some row has kernel event counts (run --events). */
    public boolean hasEvents() {
        return rows.stream().anyMatch(r -> r.events().values().stream().anyMatch(Double::isFinite));
    }

    /** Whether some row has a notification-latency histogram (latency=true). */
    public boolean hasLatency() {
        return rows.stream().anyMatch(r -> r.latency().values().stream().anyMatch(Double::isFinite));
    }

    public boolean hasCpu() {
        return rows.stream().anyMatch(r -> r.cpu().values().stream().anyMatch(Double::isFinite));
    }

    /** The sentence every output shows when a sink row's packets did not all reach the sink. */
    public Optional<String> undeliveredWarning() {
        List<String> short_ = rows.stream().filter(SpeedupRow::undelivered).map(r -> Integer.toString(r.no())).toList();
        if (short_.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(Mark.UNDELIVERED.word() + ": the sink counted fewer than " + DELIVERED_PCT_FLAG
                + "% of the packets of row" + (short_.size() > 1 ? "s " : " ") + String.join(", ", short_)
                + " (delivered % column): UDP drops silently, so their MB/s overstate what was sent.");
    }

    /** Whether the numbers are a measurement: see {@link Run#notAMeasurement()}. */
    public boolean measurement() {
        return run.notAMeasurement().isEmpty();
    }

    public List<SpeedupRow> noisyRows() {
        return rows.stream().filter(SpeedupRow::noisy).toList();
    }

    /**
     * One line on the noise of the whole run, the last line a run prints: how many rows are noisy, which, and
     * what to do about it.
     */
    public String noiseSummary() {
        if (!measurement()) {
            return "Not a measurement: no row is judged for noise; measure with ./zcbench run --plan seed.";
        }
        long judged = rows.stream().filter(SpeedupRow::hasInterval).count();
        List<SpeedupRow> noisy = noisyRows();
        String unjudged = judged == rows.size() ? "" : " (" + (rows.size() - judged) + " without an interval)";
        String share = Num.fixed(100 * Intervals.NOISY_SHARE, 0) + "%";
        if (noisy.isEmpty()) {
            return "0 of " + rows.size() + " rows noisy" + unjudged + ": every 99.9% error is under " + share
                    + " of its score.";
        }
        int forks = rows.stream().mapToInt(SpeedupRow::forks).max().orElse(1);
        String plan = run.env().get("plan");
        String target = run.env().get("target");
        String again = plan == null ? "add -f " + Math.max(2 * forks, Intervals.MIN_FORKS + 2)
                : "./zcbench run --plan " + plan + (target == null || Knobs.TARGET_SINK.equals(target) ? "" : " --target " + target) + " -f "
                        + Math.max(2 * forks, Intervals.MIN_FORKS + 2);
        String steal = run.env().get("steal_pct_during_run");
        String busy = steal == null ? "" : " (steal time during the run: " + steal + "%)";
        return noisy.size() + " of " + rows.size() + " rows noisy" + unjudged + " (99.9% error above " + share
                + " of the score: row" + (noisy.size() > 1 ? "s " : " ")
                + String.join(", ", noisy.stream().map(r -> Integer.toString(r.no())).toList())
                // The table's numbers, which are not the run's order that the progress lines count in.
                + " of the table): rerun on a quiet machine" + busy + ", or with more forks: " + again;
    }

    /** The sentence every output shows when a zero-copy row was copied after all. */
    public Optional<String> copiedWarning() {
        List<String> copied = rows.stream().filter(SpeedupRow::copiedZeroCopy).map(r -> Integer.toString(r.no()))
                .toList();
        if (copied.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(Mark.COPIED.word() + ": the kernel copied the sends of zero-copy row"
                + (copied.size() > 1 ? "s " : " ") + String.join(", ", copied)
                + " (copied % > 0), so their MB/s measure a copy, not zero-copy."
                + " The kernel copies every zero-copy send to loopback at delivery: measure zero-copy on the sink.");
    }

    private static Row params(JmhResult r) {
        return r.zcbenchRow().orElseThrow();
    }

    /**
     * The baseline row for row i: the baseline variant's row of the same payload and target that agrees with
     * it on the most important knobs of {@link #BASELINE_MATCH}; the first such row on a tie; -1 when there is none.
     */
    private static int baselineIndex(List<JmhResult> sorted, int i, String baseline) {
        Row p = params(sorted.get(i));
        int best = -1;
        int bestScore = -1;
        for (int j = 0; j < sorted.size(); j++) {
            Row q = params(sorted.get(j));
            if (!q.variant().equals(baseline) || q.payload() != p.payload() || !q.target().equals(p.target())) {
                continue;
            }
            int score = 0;
            for (Knob k : BASELINE_MATCH) {
                score = 2 * score + (q.value(k).equals(p.value(k)) ? 1 : 0);
            }
            if (score > bestScore) {
                best = j;
                bestScore = score;
            }
        }
        return best;
    }

    private static SpeedupRow row(int no, JmhResult r, JmhResult base, int baselineNo, boolean itself,
                                  Path runDir) {
        Row p = params(r);
        Metric mbS = mbS(r);
        ForkSamples samples = mbSSamples(r);
        Optional<RfcFigure> rfc = RfcFigures.lookup(p);
        double rfcMbS = rfc.map(RfcFigure::mbS).orElse(Double.NaN);
        double speedup = Double.NaN;
        Interval speedupInterval = Interval.NONE;
        IntervalMethod method = samples.rounds() ? IntervalMethod.ROUNDS : IntervalMethod.FORKS;
        double rfcSpeedup = Double.NaN;
        if (base != null) {
            speedup = mbS.score() / mbS(base).score();
            // A row against itself is exactly 1; two rows are two JMH runs, resampled independently.
            speedupInterval = itself ? (samples.forkCount() >= Intervals.MIN_FORKS ? new Interval(1, 1)
                    : Interval.NONE) : Intervals.ratio(samples, mbSSamples(base));
            method = itself ? method : Intervals.ratioMethod(samples, mbSSamples(base));
            rfcSpeedup = rfcMbS / RfcFigures.lookup(params(base)).map(RfcFigure::mbS).orElse(Double.NaN);
        }
        double packets = r.secondaryScore(Counter.PACKETS.id());
        Map<String, Double> perPacket = new LinkedHashMap<>();
        Stream.of(COUNTERS, LATER_COUNTERS, COUNTERS_AFTER_ROW).flatMap(List::stream).forEach(c -> perPacket.put(c.id(),
                packets > 0 ? r.secondaryScore(c.id()) / packets : Double.NaN));
        // Only sink, forward (ifb RX dropped) and peer (its receiver) count what reached them; a run from
        // before had no counter.
        double delivered = r.secondaryScore(Counter.DELIVERED.id());
        double deliveredPct = Knobs.countsDelivered(p.target()) && packets > 0 && Double.isFinite(delivered)
                ? 100 * delivered / packets : Double.NaN;
        Map<String, Double> cpu = new LinkedHashMap<>();
        CpuMetric.ids().forEach(c -> cpu.put(c, r.secondaryScore(c)));
        Map<String, Double> events = new LinkedHashMap<>();
        KernelEvent.ids().forEach(e -> events.put(e, r.secondaryScore(e)));
        Map<String, Double> latency = runDir == null ? LatencyHistograms.percentiles(Optional.empty())
                : LatencyHistograms.percentiles(LatencyHistograms.of(runDir, p.key()));
        double notifications = r.secondaryScore(Counter.NOTIFICATIONS.id());
        double copiedPct = Units.copiedPercent(r.secondaryScore(Counter.COPIED.id()), notifications);
        return new SpeedupRow(no, RowLabels.label(p), p, r.primary().score() * r.primary().perSecondFactor(), mbS,
                samples, speedup, speedupInterval, base == null ? 0 : baselineNo, rfcMbS,
                rfc.map(RfcFigure::kreqS).orElse(Double.NaN), rfcSpeedup, copiedPct, perPacket, cpu, deliveredPct,
                events, latency, method);
    }

    /** MB/s = MiB/s = ops/s x batch x payload / 2^20, error and interval scaled alike. */
    private static Metric mbS(JmhResult r) {
        Metric m = r.score().scaled(mbSFactor(r));
        return new Metric(m.score(), m.error(), m.low(), m.high(), "MB/s");
    }

    private static ForkSamples mbSSamples(JmhResult r) {
        return r.samples().scaled(mbSFactor(r));
    }

    private static double mbSFactor(JmhResult r) {
        Row p = params(r);
        return r.primary().perSecondFactor() * Units.mibPerOperation(p.batch(), p.payload());
    }

    private static List<Knob> baselineMatch() {
        List<Knob> match = new ArrayList<>(List.of(Knobs.VERIFY, Knobs.POLL, Knobs.BATCH, Knobs.FLUSH,
                Knobs.UBUF_CACHE, Knobs.CPU));
        Knobs.REST.stream().filter(k -> !match.contains(k)).forEach(match::add);
        return List.copyOf(match);
    }

    private static List<String> concat(List<String> a, Set<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}

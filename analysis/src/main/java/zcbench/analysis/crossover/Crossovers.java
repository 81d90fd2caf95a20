package zcbench.analysis.crossover;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import zcbench.analysis.stats.Bootstrap;
import zcbench.analysis.stats.ForkSamples;
import zcbench.analysis.stats.Interval;
import zcbench.analysis.stats.Intervals;
import zcbench.analysis.table.SpeedupRow;
import zcbench.analysis.table.SpeedupTable;
import zcbench.vocabulary.Knobs;
import zcbench.vocabulary.Variant;

/**
 * From which payload each zero-copy path beats its copying counterpart, in a run that sweeps payloads
 * (docs/PLANS.md, "From which payload zero-copy pays"). The ratio of MB/s is taken at every payload both rows were
 * measured at; where it crosses 1 from below, the payload is interpolated on log(payload) between the two
 * neighbouring sizes. The interval comes from the same two-stage bootstrap as every speedup's: each replicate
 * resamples every row of the pair, and the crossing is found again.
 */
public final class Crossovers {
    /** A run holds a sweep when a pair was measured at this many payloads or more (plan sizes has three). */
    public static final int MIN_PAYLOADS = 4;
    /** Each zero-copy path and its copying counterpart. */
    public static final List<List<Variant>> PAIRS = List.of(
            List.of(Variant.of("msg_zerocopy"), Variant.of("copy")),
            List.of(Variant.of("uring_zc"), Variant.of("uring_send")),
            List.of(Variant.of("uring_zc_fixed"), Variant.of("uring_send")));

    private Crossovers() {
    }

    /** Every pair and target the run swept; empty for a run that is not a measurement or holds no sweep. */
    public static List<Crossover> of(SpeedupTable table) {
        if (!table.measurement()) {
            return List.of();
        }
        List<Crossover> all = new ArrayList<>();
        for (String target : table.rows().stream().map(r -> r.row().target()).distinct().toList()) {
            for (List<Variant> pair : PAIRS) {
                List<CrossoverPoint> points = new ArrayList<>();
                for (int payload : table.payloads()) {
                    Optional<SpeedupRow> zc = plain(table, pair.get(0), payload, target, 0);
                    Optional<SpeedupRow> copying = zc.flatMap(z -> plain(table, pair.get(1), payload, target,
                            z.row().batch()));
                    if (zc.isPresent() && copying.isPresent()) {
                        points.add(new CrossoverPoint(payload, zc.get().mbSSamples(), copying.get().mbSSamples(),
                                zc.get().no(), copying.get().no(), zc.get().copiedZeroCopy()));
                    }
                }
                if (points.size() >= MIN_PAYLOADS) {
                    all.add(of(pair.get(0).id(), pair.get(1).id(), target, points));
                }
            }
        }
        return List.copyOf(all);
    }

    /** The crossover of one pair over the given payloads (at least two, each with its two rows' samples). */
    public static Crossover of(String zeroCopy, String copying, String target, List<CrossoverPoint> given) {
        List<CrossoverPoint> points = given.stream().sorted(Comparator.comparingInt(CrossoverPoint::payload))
                .toList();
        int n = points.size();
        double[] logs = points.stream().mapToDouble(p -> Math.log(p.payload())).toArray();
        double[] ratios = points.stream().mapToDouble(CrossoverPoint::ratio).toArray();
        double estimate = crossing(logs, ratios);
        int crossings = 0;
        for (int i = 0; i + 1 < n; i++) {
            crossings += ratios[i] > 1 != ratios[i + 1] > 1 ? 1 : 0;
        }
        List<ForkSamples> rows = Stream.concat(points.stream().map(CrossoverPoint::zeroCopy),
                points.stream().map(CrossoverPoint::copying)).toList();
        Interval interval = Interval.NONE;
        if (rows.stream().allMatch(r -> r.forkCount() >= Intervals.MIN_FORKS && r.allFinite())) {
            double[] replicates = Bootstrap.replicates(rows, means -> {
                double[] r = new double[n];
                for (int i = 0; i < n; i++) {
                    r[i] = means[i] / means[n + i];
                }
                return crossing(logs, r);
            });
            Interval log = Bootstrap.interval(replicates, estimate,
                    rows.stream().mapToInt(ForkSamples::sampleCount).min().orElseThrow());
            // Beyond the payloads measured there is nothing to interpolate between: that side is unbounded.
            interval = new Interval(log.low() < logs[0] ? Double.NEGATIVE_INFINITY : bytes(log.low()),
                    log.high() > logs[n - 1] ? Double.POSITIVE_INFINITY : bytes(log.high()));
        }
        return new Crossover(zeroCopy, copying, target, points, bytes(estimate), interval, crossings);
    }

    /**
     * log(payload) where the ratio last crosses 1 from below, interpolated linearly between the two neighbouring
     * payloads; -Infinity when it never crosses from below but is above 1 somewhere (from the smallest payload),
     * +Infinity when it is above 1 nowhere.
     */
    static double crossing(double[] logs, double[] ratios) {
        for (int i = ratios.length - 2; i >= 0; i--) {
            if (ratios[i] <= 1 && ratios[i + 1] > 1) {
                return logs[i] + (1 - ratios[i]) / (ratios[i + 1] - ratios[i]) * (logs[i + 1] - logs[i]);
            }
        }
        for (double r : ratios) {
            if (r > 1) {
                return Double.NEGATIVE_INFINITY;
            }
        }
        return Double.POSITIVE_INFINITY;
    }

    private static double bytes(double log) {
        return Double.isInfinite(log) ? log : Math.exp(log);
    }

    /**
     * The variant's row at this payload and target with every knob but batch and cpu at its default (the
     * plain send loop), of the given batch where there is one (0: any); the first in table order.
     */
    private static Optional<SpeedupRow> plain(SpeedupTable table, Variant variant, int payload, String target,
            int batch) {
        List<SpeedupRow> rows = table.rows().stream().filter(r -> r.row().variant().equals(variant.id())
                && r.row().payload() == payload && r.row().target().equals(target) && atDefault(r)).toList();
        return rows.stream().filter(r -> batch == 0 || r.row().batch() == batch).findFirst()
                .or(() -> rows.stream().findFirst());
    }

    private static boolean atDefault(SpeedupRow r) {
        return Knobs.REST.stream().allMatch(k -> k == Knobs.CPU || r.row().atDefault(k));
    }
}

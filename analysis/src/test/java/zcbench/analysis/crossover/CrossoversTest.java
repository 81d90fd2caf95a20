package zcbench.analysis.crossover;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import zcbench.analysis.stats.ForkSamples;

/** The crossover computation on constructed samples: one crossing, none, two, and intervals. */
class CrossoversTest {
    private static final int[] PAYLOADS = {256, 512, 1024, 2048, 4096};

    /** 3 forks x 4 iterations around mean, each sample off by up to spread (a share of the mean). */
    static ForkSamples samples(double mean, double spread) {
        double[] offsets = {-1, 0.5, 1, -0.5};
        List<List<Double>> forks = new ArrayList<>();
        for (int f = 0; f < 3; f++) {
            List<Double> fork = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                fork.add(mean * (1 + spread * offsets[(i + f) % 4] * (f == 1 ? -1 : 1)));
            }
            forks.add(fork);
        }
        return new ForkSamples(forks);
    }

    private static Crossover sweep(double spread, double... ratios) {
        List<CrossoverPoint> points = new ArrayList<>();
        for (int i = 0; i < ratios.length; i++) {
            points.add(new CrossoverPoint(PAYLOADS[i], samples(1000 * ratios[i], spread), samples(1000, spread), 0,
                    0, false));
        }
        return Crossovers.of("msg_zerocopy", "copy", "sink", points);
    }

    @Test
    void oneCrossingIsInterpolatedOnLogPayloadWithAnIntervalAroundIt() {
        Crossover c = sweep(0.01, 0.5, 0.8, 1.2, 1.5, 2);
        assertEquals(Crossover.Kind.CROSSES, c.kind());
        // halfway between 0.8 and 1.2, so halfway between 512 and 1024 on a log scale: 512 x sqrt(2)
        assertEquals(512 * Math.sqrt(2), c.payload(), 1e-6);
        assertEquals(1, c.crossings());
        assertTrue(c.hasInterval());
        assertTrue(c.interval().low() < c.payload() && c.payload() < c.interval().high(), c.interval().toString());
        assertTrue(c.interval().low() > 512 && c.interval().high() < 1024, c.interval().toString());
        assertTrue(c.phrase().startsWith("msg_zerocopy from 724 ["), c.phrase());
        assertTrue(c.phrase().endsWith("bytes over copy"), c.phrase());
    }

    @Test
    void aPathAheadAtEveryPayloadPaysFromTheSmallestOrBelow() {
        Crossover c = sweep(0.01, 1.1, 1.2, 1.5, 1.8, 2);
        assertEquals(Crossover.Kind.FROM_SMALLEST, c.kind());
        assertEquals(Double.NEGATIVE_INFINITY, c.payload());
        assertEquals("msg_zerocopy from 256 bytes or below over copy", c.phrase());
        assertEquals("Zero-copy pays from about 256 bytes or below here: msg_zerocopy from 256 bytes or below "
                + "over copy.", CrossoverText.sentences(List.of(c)).getFirst());
    }

    @Test
    void aPathBehindAtEveryPayloadDoesNotPayWithinThem() {
        Crossover c = sweep(0.01, 0.5, 0.6, 0.7, 0.8, 0.9);
        assertEquals(Crossover.Kind.NOT_WITHIN, c.kind());
        assertEquals(Double.POSITIVE_INFINITY, c.payload());
        assertEquals(0, c.crossings());
        assertEquals("msg_zerocopy not within 256 to 4096 bytes over copy", c.phrase());
        assertTrue(CrossoverText.sentences(List.of(c)).getFirst()
                .startsWith("Zero-copy does not pay within the payloads measured here: "));
    }

    @Test
    void severalCrossingsAreSaidAndTheLastFromBelowIsTaken() {
        Crossover c = sweep(0.01, 0.8, 1.2, 0.9, 1.3, 1.5);
        assertEquals(3, c.crossings());
        // from 0.9 at 1024 to 1.3 at 2048: a quarter of the way on a log scale
        assertEquals(1024 * Math.pow(2, 0.25), c.payload(), 1e-6);
        assertTrue(c.phrase().contains("(the ratio crosses 1 3 times; the last crossing from below is taken)"),
                c.phrase());
    }

    @Test
    void aNoisyCrossingAtTheSmallestPayloadHasAnIntervalUnboundedBelow() {
        Crossover c = sweep(0.2, 0.99, 1.01, 1.5, 1.8, 2);
        assertEquals(Crossover.Kind.CROSSES, c.kind());
        assertEquals(Double.NEGATIVE_INFINITY, c.interval().low());
        assertTrue(Double.isFinite(c.interval().high()), c.interval().toString());
        assertTrue(c.phrase().contains("[≤256, "), c.phrase());
    }

    @Test
    void rowsOfOneForkGiveNoInterval() {
        List<CrossoverPoint> points = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            points.add(new CrossoverPoint(PAYLOADS[i], new ForkSamples(List.of(List.of(900.0 + 200 * i, 910.0))),
                    new ForkSamples(List.of(List.of(1000.0, 1010.0))), 0, 0, false));
        }
        Crossover c = Crossovers.of("uring_zc", "uring_send", "sink", points);
        assertFalse(c.hasInterval());
        assertEquals(Crossover.Kind.CROSSES, c.kind());
        assertFalse(c.phrase().contains("["), c.phrase());
    }

    @Test
    void theRatioIsTheMeanOfTheSamplesOverTheOthers() {
        CrossoverPoint p = new CrossoverPoint(4096, samples(1500, 0.01), samples(1000, 0.01), 1, 2, false);
        assertEquals(1.5, p.ratio(), 1e-9);
        assertTrue(p.ratioInterval().exists());
    }
}

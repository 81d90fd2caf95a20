package zcbench.analysis.rfc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import zcbench.vocabulary.Row;

class V5FiguresTest {

    /** Each zero-copy figure over its non-zc figure gives the percentage the letter printed beside it. */
    @Test
    void theLettersPercentagesFollowFromItsFigures() {
        for (V5Figure f : V5Figures.all()) {
            if (f.column() != V5Figures.NON_ZC) {
                double base = V5Figures.of(f.payload(), V5Figures.NON_ZC).sendsPerSecond();
                assertEquals(f.percent(), Math.round(100 * (f.sendsPerSecond() / base - 1)), 0.5, f.toString());
            }
        }
        assertEquals(12, V5Figures.all().size());
    }

    @Test
    void onlySinkRowsAtBatchEightWithDefaultKnobsMap() {
        Row zc = Row.read(Map.of("variant", "uring_zc_fixed", "payload", "8000", "batch", "8", "flush", "true",
                "ubuf_cache", "on", "target", "sink", "cpu", "last")).orElseThrow();
        assertEquals(2224219, V5Figures.lookup(zc).orElseThrow().sendsPerSecond());
        assertTrue(V5Figures.lookup(zc.with("batch", "1")).isEmpty());
        assertTrue(V5Figures.lookup(zc.with("target", "loopback")).isEmpty());
        assertTrue(V5Figures.lookup(zc.with("ubuf_cache", "off")).isEmpty());
        assertTrue(V5Figures.lookup(zc.with("payload", "4096")).isEmpty());
        assertEquals(V5Figures.NON_ZC, V5Figures.lookup(zc.with("variant", "uring_send")).orElseThrow()
                .column());
    }
}

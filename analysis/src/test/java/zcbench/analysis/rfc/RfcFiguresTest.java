package zcbench.analysis.rfc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;
import zcbench.vocabulary.Row;

/** An RFC figure maps onto a row only when the row ran as the RFC did, whatever knobs came later. */
class RfcFiguresTest {
    private static Row row(Map<String, String> more) {
        Map<String, String> all = new java.util.HashMap<>(Map.of("variant", "uring_zc_fixed", "payload", "65435",
                "batch", "8", "flush", "false", "target", "sink"));
        all.putAll(more);
        return Row.read(all).orElseThrow();
    }

    @Test
    void theRfcsSetUpGetsItsFigureAlsoFromARunBeforeTheLaterKnobs() {
        assertEquals(116079.0, RfcFigures.lookup(row(Map.of("ubuf_cache", "on", "poll", "true", "verify", "false",
                "setup", "coop"))).orElseThrow().mbS());
        assertEquals(116079.0, RfcFigures.lookup(row(Map.of("ubufCache", "on"))).orElseThrow().mbS());
    }

    @Test
    void aKnobAwayFromItsDefaultIsNotTheRfcsSetUp() {
        for (Map<String, String> knob : new Map[] {Map.of("ubuf_cache", "off"), Map.of("verify", "true"),
                Map.of("setup", "defer"), Map.of("target", "loopback")}) {
            assertTrue(RfcFigures.lookup(row(knob)).isEmpty(), knob.toString());
        }
    }
}

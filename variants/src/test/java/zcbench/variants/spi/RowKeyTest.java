package zcbench.variants.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import zcbench.vocabulary.Knobs;
import zcbench.vocabulary.Row;
import zcbench.vocabulary.RowKey;
import zcbench.vocabulary.Variant;

class RowKeyTest {
    /** A row with every knob at its default but those given, as the harness's rows have them. */
    private static Map<String, String> row(String... nameValues) {
        Map<String, String> knobs = new LinkedHashMap<>();
        Knobs.ALL.forEach(k -> knobs.put(k.name(), k.defaultValue()));
        for (int i = 0; i < nameValues.length; i += 2) {
            knobs.put(nameValues[i], nameValues[i + 1]);
        }
        return knobs;
    }

    @Test
    void theKnobsThatAlwaysShowComeAfterVariantPayloadAndBatchThenTheTarget() {
        assertEquals("uring_zc_fixed-65435-b8-flush=false-ubuf_cache=on-sink",
                RowKey.of(row("variant", "uring_zc_fixed"), "sink"));
        assertEquals("msg_zerocopy-4096-b1-ubuf_cache=off-loopback",
                RowKey.of(row("variant", "msg_zerocopy", "payload", "4096", "batch", "1", "ubuf_cache", "off"),
                        "loopback"));
    }

    @Test
    void knobsThatMeanNothingForTheVariantNeverAppear() {
        assertEquals("copy-65435-b8-sink", RowKey.of(row("variant", "copy"), "sink"));
        assertEquals("uring_send-65435-b8-sink", RowKey.of(row("variant", "uring_send", "poll", "false"), "sink"));
    }

    @Test
    void knobsShownWhenChangedAppearAwayFromTheirDefaultInKnobsOrder() {
        assertEquals("msg_zerocopy-65435-b8-ubuf_cache=on-poll=false-verify=true-cpu=1-sink",
                RowKey.of(row("variant", "msg_zerocopy", "cpu", "1", "verify", "true", "poll", "false"), "sink"));
        assertEquals("copy-65435-b8-cpu=-1-sink", RowKey.of(row("variant", "copy", "cpu", "-1"), "sink"));
        assertEquals("copy-65435-b8-sink", RowKey.of(row("variant", "copy", "cpu", "last"), "sink"));
    }

    /** A run from before a knob (poll, verify) has no value for it: it is left out, as at its default. */
    @Test
    void aKnobTheRunDidNotHaveIsLeftOut() {
        Map<String, String> old = Map.of("variant", "uring_zc", "payload", "65435", "batch", "8", "flush", "true");
        assertEquals("uring_zc-65435-b8-flush=true-sink", RowKey.of(old, "sink"));
        assertEquals(List.of(Knobs.FLUSH), RowKey.shown(old));
    }

    @Test
    void aVariantZcbenchDoesNotHaveShowsEveryKnobItHasAndStaysSafeInAFileName() {
        assertEquals("x_y_z-65435-b8-flush=true-ubuf_cache=on-sink",
                RowKey.of(Map.of("variant", "x/y z", "payload", "65435", "batch", "8", "flush", "true", "ubuf_cache",
                        "on", "poll", "true"), "sink"));
        for (Variant v : Variant.all()) {
            String key = RowKey.of(row("variant", v.id(), "cpu", "-1", "verify", "true"), "sink");
            assertTrue(key.matches("[A-Za-z0-9._+=-]+"), key);
        }
    }

    @Test
    void aJmhParameterMapHasAKeyOnlyWhenItIsAZcbenchRow() {
        Map<String, String> jmh = new LinkedHashMap<>(row("variant", "copy"));
        assertEquals(Optional.empty(), Row.read(jmh).map(Row::key), "no target");
        jmh.put(Knobs.TARGET, "loopback");
        assertEquals(Optional.of("copy-65435-b8-loopback"), Row.read(jmh).map(Row::key));
        assertEquals(Optional.empty(), Row.read(Map.of("batch", "8", "target", "sink")).map(Row::key));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RowKey.of(Map.of("variant", "copy"), "sink"));
        assertTrue(e.getMessage().startsWith("a row key needs a payload"), e.getMessage());
    }
}

package zcbench.variants.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import zcbench.vocabulary.Knobs;
import zcbench.vocabulary.Row;

/** The one row type: the plan's rows, the fork's and the result files' are the same record. */
class RowTest {
    @Test
    void aRowToRunHasEveryKnobInKnobsOrderTheOthersAtTheirDefaults() {
        Row row = Row.of(Map.of("batch", "1", "variant", "uring_zc"));
        assertEquals(Knobs.names(), List.copyOf(row.knobs().keySet()));
        assertEquals("1", row.value(Knobs.BATCH));
        assertEquals(Knobs.PAYLOAD.defaultValue(), row.value(Knobs.PAYLOAD));
        assertEquals("", row.target(), "a run places a plan's row on its target");
        assertEquals("uring_zc-65435-b1-flush=false-ubuf_cache=on-sink", row.key("sink"));
        assertThrows(IllegalStateException.class, row::key);
    }

    @Test
    void aRowToRunRefusesANameThatIsNoKnobAndNeedsAVariant() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Row.of(Map.of("variant", "copy", "size", "4")));
        assertEquals("'size' is not a row parameter; they are " + Knobs.names(), e.getMessage());
        assertEquals("a row needs a variant", assertThrows(IllegalArgumentException.class,
                () -> Row.of(Map.of("payload", "4096"))).getMessage());
    }

    @Test
    void aResultsRowReadsFormerNamesLeavesOutOtherParametersAndKnobsItLacksAreEmpty() {
        Row read = Row.read(Map.of("variant", "copy", "payload", "4096", "batch", "8", "ubufCache", "off",
                "target", "loopback", "other", "x")).orElseThrow();
        assertEquals("off", read.value(Knobs.UBUF_CACHE));
        assertEquals("", read.value(Knobs.POLL), "a run from before poll");
        assertTrue(read.atDefault(Knobs.POLL));
        assertEquals("loopback", read.value(Knobs.TARGET));
        assertEquals(Optional.empty(), Row.read(Map.of("variant", "copy", "payload", "4096", "batch", "8")),
                "no target: not a result's row");
    }

    @Test
    void theSameRowReadFromAResultEqualsThePlansRowOnItsTarget() {
        Row planned = Row.of(Map.of("variant", "msg_zerocopy", "payload", "4096"));
        Map<String, String> jmh = new TreeMap<>(planned.knobs());
        jmh.put(Knobs.TARGET, "sink");
        Row read = Row.read(jmh).orElseThrow();
        assertEquals(planned.with(Knobs.TARGET, "sink"), read);
        assertEquals(planned.key("sink"), read.key());
        assertEquals(planned.label(), read.label());
    }

    @Test
    void csvOrderIsTheFirstFilesColumnsThenEveryOtherKnobInKnobsOrder() {
        List<String> first = List.of("variant", "payload", "batch", "flush", "ubuf_cache", "target", "cpu");
        assertEquals(first, Row.CSV_ORDER.subList(0, first.size()));
        assertEquals(Knobs.names().stream().filter(n -> !first.contains(n)).toList(),
                Row.CSV_ORDER.subList(first.size(), Row.CSV_ORDER.size()), "then every other knob, in Knobs' order");
        Row row = Row.of(Map.of("variant", "copy")).with(Knobs.TARGET, "peer");
        assertEquals("peer", row.csvValues().get(Row.CSV_ORDER.indexOf(Knobs.TARGET)));
    }
}

package zcbench.analysis.pairs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import zcbench.analysis.Fixtures;
import zcbench.analysis.jmh.Run;
import zcbench.analysis.stats.Intervals;
import zcbench.analysis.table.SpeedupRow;
import zcbench.analysis.table.SpeedupTable;
import zcbench.vocabulary.Knobs;
import zcbench.vocabulary.Row;
import zcbench.vocabulary.Variant;

class RowPairsTest {
    /** Plan seed in 3 forks: rows 5 to 9 are uring_zc_fixed at b1 and b8, flush false and true, ubuf_cache off. */
    private static final SpeedupTable SEED_FORKS = table(Fixtures.SEED_SINK_FORKS);

    private static SpeedupTable table(String fixture) {
        return SpeedupTable.of(Run.load(Fixtures.resource(fixture)), Variant.DEFAULT_BASELINE);
    }

    @Test
    void theSeedRunsPairsAreItsFlushBatchAndUbufCacheRows() {
        List<RowPair> pairs = RowPairs.of(SEED_FORKS);
        assertEquals(List.of(
                "uring_zc_fixed b1: flush false → true",
                "uring_zc_fixed: batch 8 → 1",
                "uring_zc_fixed b8: ubuf_cache on → off",
                "uring_zc_fixed b8: flush false → true",
                "uring_zc_fixed flush=true: batch 8 → 1"), pairs.stream().map(RowPair::label).toList());
        RowPair batch = pairs.get(1);
        assertEquals(7, batch.a().no());
        assertEquals(5, batch.b().no());
        assertEquals("batch", batch.knob());
        assertEquals("8", batch.aValue());
        assertEquals("1", batch.bValue());
        assertEquals("65435 bytes, sink", batch.group());
    }

    @Test
    void rowsThatDifferInTwoKnobsOrInAnUnrelatedVariantAreNoPair() {
        List<RowPair> pairs = RowPairs.of(SEED_FORKS);
        SpeedupRow b1 = row(5);
        SpeedupRow b8FlushTrue = row(9);
        assertEquals("1", b1.row().value(Knobs.BATCH));
        assertEquals("true", b8FlushTrue.row().value(Knobs.FLUSH));
        assertEquals(Optional.empty(), RowPairs.changed(b1.row(), b8FlushTrue.row()));
        assertFalse(pairs.stream().anyMatch(p -> p.a() == b1 && p.b() == b8FlushTrue
                || p.a() == b8FlushTrue && p.b() == b1));
        // copy and msg_zerocopy differ only in the variant, but neither is the other's later counterpart
        assertEquals(Optional.empty(), RowPairs.changed(row(1).row(), row(2).row()));
        assertTrue(pairs.stream().noneMatch(p -> p.knob().equals(Knobs.VARIANT.name())));
    }

    @Test
    void eachPairsIntervalHoldsItsRatioAndIsTheBootstrapOfBOverA() {
        for (RowPair p : RowPairs.of(SEED_FORKS)) {
            assertEquals(p.b().mbS().score() / p.a().mbS().score(), p.ratio().value(), 1e-12, p.label());
            assertTrue(p.ratio().interval().exists(), p.label());
            assertTrue(p.ratio().interval().low() <= p.ratio().value()
                    && p.ratio().value() <= p.ratio().interval().high(), p.label());
            assertEquals(Intervals.ratio(p.b().mbSSamples(), p.a().mbSSamples()), p.ratio().interval(), p.label());
            // every pair of this busy run holds 1
            assertEquals("no difference", p.ratio().verdict().text(), p.label());
        }
    }

    @Test
    void aRunOfOneForkHasItsPairsWithoutIntervalOrVerdict() {
        List<RowPair> pairs = RowPairs.of(table(Fixtures.SEED_SINK));
        assertEquals(5, pairs.size());
        assertTrue(pairs.stream().allMatch(p -> !p.ratio().interval().exists()
                && p.ratio().verdict().text().equals("unknown: one fork")));
    }

    @Test
    void aRunOfOneRowPerVariantHasNoPair() {
        assertEquals(List.of(), RowPairs.of(table(Fixtures.SMOKE_SINK)));
        assertEquals("", PairsTable.text(List.of()));
        assertEquals("", PairsTable.markdown(List.of()));
    }

    @Test
    void laterVariantsAndLaterKnobsPairWithTheRowTheyChange() {
        Row zc = params("uring_zc", Map.of());
        Row zcFixed = params("uring_zc_fixed", Map.of());
        assertEquals(Optional.of(Knobs.VARIANT), RowPairs.changed(zc, params("uring_sendmsg_zc", Map.of())));
        assertEquals("b8: uring_zc → uring_sendmsg_zc", RowPairs.label(zc, params("uring_sendmsg_zc", Map.of()),
                Knobs.VARIANT));
        assertEquals(Optional.of(Knobs.VARIANT), RowPairs.changed(zcFixed, params("uring_sendmsg_zc_fixed", Map.of())));
        // the base is the earlier variant, and a later variant pairs only with its own
        assertEquals(Optional.empty(), RowPairs.changed(params("uring_sendmsg_zc", Map.of()), zc));
        assertEquals(Optional.empty(), RowPairs.changed(zc, params("uring_sendmsg_zc_fixed", Map.of())));
        Row defer = params("uring_zc_fixed", Map.of("setup", "defer"));
        assertEquals(Optional.of(Knobs.SETUP), RowPairs.changed(zcFixed, defer));
        assertEquals("uring_zc_fixed b8: setup coop → defer", RowPairs.label(zcFixed, defer, Knobs.SETUP));
        assertEquals(Optional.empty(), RowPairs.changed(defer, zcFixed));
        for (String[] knobValue : new String[][] {{"memory", "thp"}, {"ip", "6"}, {"threads", "2"}, {"iov", "4"}}) {
            assertEquals(Knobs.of(knobValue[0]), RowPairs.changed(zc, params("uring_zc", Map.of(knobValue[0],
                    knobValue[1]))), knobValue[0]);
        }
        assertEquals("uring_zc b8 memory=thp: ip 4 → 6", RowPairs.label(params("uring_zc", Map.of("memory", "thp")),
                params("uring_zc", Map.of("memory", "thp", "ip", "6")), Knobs.IP));
        // neither at the knob's default, the cpu, or another target: no pair
        assertEquals(Optional.empty(), RowPairs.changed(params("uring_zc", Map.of("iov", "2")),
                params("uring_zc", Map.of("iov", "4"))));
        assertEquals(Optional.empty(), RowPairs.changed(zc, params("uring_zc", Map.of("cpu", "0"))));
        // two payloads are two workloads: their ratio is the crossover's to read
        assertEquals(Optional.empty(), RowPairs.changed(zc, params("uring_zc", Map.of("payload", "4096"))));
        assertEquals(Optional.empty(), RowPairs.changed(zc, zc.with(Knobs.TARGET, "loopback")));
        assertEquals(Optional.empty(), RowPairs.changed(zc, zc));
    }

    @Test
    void pairsCsvHasItsColumnsAndOneLinePerPair() throws IOException {
        List<RowPair> pairs = RowPairs.of(SEED_FORKS);
        try (CSVParser parser = CSVParser.parse(PairsCsv.render(pairs),
                CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get())) {
            assertEquals(PairsCsv.COLUMNS, parser.getHeaderNames());
            assertEquals(List.of("pair", "knob", "a_value", "b_value", "payload", "target", "a_no", "b_no", "a_mb_s",
                    "b_mb_s", "ratio", "ratio_low", "ratio_high", "verdict", "a_forks", "b_forks", "row", "a_noisy",
                    "b_noisy", "a_copied", "b_copied", "a_undelivered", "b_undelivered", "a_stolen", "b_stolen",
                    "interval_method"), parser.getHeaderNames());
            List<CSVRecord> records = parser.getRecords();
            assertEquals(pairs.size(), records.size());
            CSVRecord ubuf = records.get(2);
            Map<String, String> expected = Map.of("pair", "uring_zc_fixed b8: ubuf_cache on → off", "knob",
                    "ubuf_cache", "a_value", "on", "b_value", "off", "payload", "65435", "target", "sink", "a_no", "7",
                    "b_no", "8", "a_forks", "3", "verdict", "no difference");
            expected.forEach((column, value) -> assertEquals(value, ubuf.get(column), column));
            assertEquals("forks", ubuf.get("interval_method"), "a run not measured in rounds");
            double ratio = Double.parseDouble(ubuf.get("ratio"));
            assertTrue(Double.parseDouble(ubuf.get("ratio_low")) <= ratio
                    && ratio <= Double.parseDouble(ubuf.get("ratio_high")));
            assertEquals(row(7).row().key() + "--vs--" + row(8).row().key(), ubuf.get("row"));
            // both rows noisy and neither copied; no figure to judge the others by (the run predates them)
            Map.of("a_noisy", "true", "b_noisy", "true", "a_copied", "false", "b_copied", "false", "a_undelivered", "",
                    "b_undelivered", "", "a_stolen", "", "b_stolen", "").forEach((column, value) ->
                    assertEquals(value, ubuf.get(column), column));
        }
    }

    private static SpeedupRow row(int no) {
        return SEED_FORKS.rows().get(no - 1);
    }

    private static Row params(String variant, Map<String, String> knobs) {
        Map<String, String> all = new HashMap<>();
        Knobs.ALL.stream().filter(k -> k.defaults().size() == 1).forEach(k -> all.put(k.name(), k.defaultValue()));
        all.putAll(Map.of("variant", variant, "target", "sink"));
        all.putAll(knobs);
        return Row.read(all).orElseThrow();
    }
}

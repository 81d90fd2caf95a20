package zcbench.analysis.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import zcbench.analysis.Fixtures;
import zcbench.analysis.jmh.Run;
import zcbench.vocabulary.CpuMetric;
import zcbench.vocabulary.Variant;

/** A row whose sending CPU a neighbour took is marked in every table and in speedup.csv. */
class StolenRowTest {

    private static List<CSVRecord> csv(SpeedupTable table) throws IOException {
        return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setCommentMarker(SpeedupCsv.COMMENT)
                .get().parse(new StringReader(SpeedupCsv.render(table))).getRecords();
    }

    /** seed-sink with steal_pct added: 5% on the row at index {@code stolen}, 0.5% on the others. */
    private static SpeedupTable withSteal(Path dir, int stolen) {
        Path run = Fixtures.withSecondary(Fixtures.SEED_SINK, dir, CpuMetric.STEAL_PCT.id(), "%",
                i -> i == stolen ? 5.0 : 0.5);
        return SpeedupTable.of(Run.load(run), Variant.DEFAULT_BASELINE);
    }

    @Test
    void stealAboveTwoPercentMarksTheRow(@TempDir Path dir) throws IOException {
        SpeedupTable table = withSteal(dir, 0);
        List<SpeedupRow> stolen = table.rows().stream().filter(SpeedupRow::stolen).toList();
        assertEquals(1, stolen.size());
        SpeedupRow row = stolen.getFirst();
        assertEquals(5.0, row.cpu().get(CpuMetric.STEAL_PCT.id()), 1e-9);

        int cpuColumn = Cells.headers(table).indexOf(Cells.CPU_NS_PER_PACKET);
        assertTrue(Cells.of(table, row).get(cpuColumn).endsWith(" " + Mark.STOLEN.word()));
        table.rows().stream().filter(r -> !r.stolen())
                .forEach(r -> assertFalse(Cells.of(table, r).get(cpuColumn).contains(Mark.STOLEN.word())));
        assertTrue(Cells.notes(table).stream().anyMatch(n -> n.startsWith("Row " + row.no() + " " + Mark.STOLEN.word())),
                Cells.notes(table).toString());
        assertTrue(SpeedupMarkdown.render(table).contains(Mark.STOLEN.word()));

        for (CSVRecord r : csv(table)) {
            boolean marked = Integer.parseInt(r.get("no")) == row.no();
            assertEquals(Boolean.toString(marked), r.get(Mark.STOLEN.id()));
            assertEquals(marked ? "5.000" : "0.500", r.get(CpuMetric.STEAL_PCT.id()));
        }
    }

    @Test
    void aRunWithoutStealFiguresMarksNothing() throws IOException {
        SpeedupTable table = SpeedupTable.of(Run.load(Fixtures.resource(Fixtures.SEED_SINK)),
                Variant.DEFAULT_BASELINE);
        assertTrue(table.rows().stream().noneMatch(SpeedupRow::stolen));
        for (CSVRecord r : csv(table)) {
            assertEquals("", r.get(Mark.STOLEN.id()), "no steal figure, no mark either way");
        }
    }
}

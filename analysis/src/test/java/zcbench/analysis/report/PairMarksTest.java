package zcbench.analysis.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.IntToDoubleFunction;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import zcbench.analysis.Fixtures;
import zcbench.analysis.jmh.JmhResult;
import zcbench.analysis.jmh.Run;
import zcbench.analysis.table.Cells;
import zcbench.analysis.table.Mark;
import zcbench.analysis.table.Num;
import zcbench.analysis.table.SpeedupRow;
import zcbench.analysis.table.SpeedupTable;
import zcbench.vocabulary.Counter;
import zcbench.vocabulary.CpuMetric;
import zcbench.vocabulary.ResultFiles;
import zcbench.vocabulary.Variant;

/**
 * A row pair whose side is noisy, copied, undelivered or stolen says so beside that side's MB/s in every output:
 * the printed table, speedup.md, report.html (table and B/A chart) and pairs.csv. The first pair of plan seed in
 * forks is rows 5 → 6 (uring_zc_fixed b1, flush false → true), row 5 not noisy and row 6 noisy; each other mark
 * is given to row 5 alone, so that the two sides differ in it.
 */
class PairMarksTest {
    private static final String LABEL = "uring_zc_fixed b1: flush false → true";
    private static final int A = 5;
    private static final int B = 6;

    @TempDir
    Path tmp;

    @ParameterizedTest
    @EnumSource(Mark.class)
    void aMarkedSideShowsItsMarkInEveryOutputAndTheOtherSideDoesNot(Mark mark) throws IOException {
        Path run = marked(mark);
        RunReport report = RunReports.writeAll(run);
        boolean onA = mark != Mark.NOISY;
        SpeedupRow markedRow = report.table().rows().get((onA ? A : B) - 1);
        SpeedupRow otherRow = report.table().rows().get((onA ? B : A) - 1);
        assertEquals(List.of(mark), Mark.of(markedRow), "the fixture gives the marked side that mark alone");
        assertFalse(Mark.of(otherRow).contains(mark));
        String marked = Num.shown(markedRow.mbS().score(), 0);
        String other = Num.shown(otherRow.mbS().score(), 0);

        String text = report.renderText().lines().filter(l -> l.contains(LABEL)).findFirst().orElseThrow();
        assertTrue(text.contains(marked + " " + mark.word()), text);
        assertFalse(text.contains(other + " " + mark.word()), text);

        String md = Files.readString(run.resolve(ResultFiles.SPEEDUP_MD)).lines()
                .filter(l -> l.startsWith("| " + LABEL + " |")).findFirst().orElseThrow();
        List<String> cells = List.of(md.split(" \\| "));
        assertEquals(marked + " " + mark.word(), cells.get(onA ? 3 : 4), md);
        assertFalse(cells.get(onA ? 4 : 3).contains(mark.word()), md);

        String html = Files.readString(run.resolve(ResultFiles.REPORT_HTML));
        String pairRow = html.lines().filter(l -> l.startsWith("<tr class=\"pair-row\" id=\"pair-1\">")).findFirst()
                .orElseThrow();
        String badge = "<span class=\"badge " + mark.id() + "\">" + mark.word() + "</span>";
        assertTrue(pairRow.contains("<td class=\"num\">" + marked + badge + "</td>"), pairRow);
        assertFalse(pairRow.contains("<td class=\"num\">" + other + badge), pairRow);
        assertTrue(html.contains(LABEL + "  [" + (onA ? "A" : "B") + ": " + mark.word() + "]"),
                "the B/A chart names the marked side");

        try (CSVParser csv = CSVParser.parse(run.resolve(ResultFiles.PAIRS_CSV), StandardCharsets.UTF_8,
                CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get())) {
            CSVRecord pair = csv.getRecords().stream().filter(r -> r.get("pair").equals(LABEL)).findFirst()
                    .orElseThrow();
            assertEquals("true", pair.get((onA ? "a_" : "b_") + mark.id()), pair.toString());
            assertEquals("false", pair.get((onA ? "b_" : "a_") + mark.id()), pair.toString());
        }
    }

    /** The speedup table shows the same mark on the same row, beside the figure it concerns or beside MB/s. */
    @ParameterizedTest
    @EnumSource(Mark.class)
    void theSpeedupTableMarksTheSameRow(Mark mark) {
        SpeedupTable table = SpeedupTable.of(Run.load(marked(mark)), Variant.DEFAULT_BASELINE);
        SpeedupRow row = table.rows().get((mark == Mark.NOISY ? B : A) - 1);
        assertEquals(1, Cells.of(table, row).stream().filter(c -> c.endsWith(" " + mark.word())).count(),
                Cells.of(table, row).toString());
    }

    /** Plan seed in forks, row 5 given the mark (NOISY: as it is, row 6 being noisy). */
    private Path marked(Mark mark) {
        Run original = Run.load(Fixtures.resource(Fixtures.SEED_SINK_FORKS));
        String key = SpeedupTable.of(original, Variant.DEFAULT_BASELINE).rows().get(A - 1).row().key();
        List<JmhResult> results = original.results();
        int at = 0;
        while (!results.get(at).zcbenchRow().orElseThrow().key().equals(key)) {
            at++;
        }
        int row = at;
        IntToDoubleFunction packets = i -> results.get(i).secondaryScore(Counter.PACKETS.id());
        Path dir = tmp.resolve(mark.id());
        return switch (mark) {
            case NOISY -> Fixtures.copy(Fixtures.SEED_SINK_FORKS, dir);
            case COPIED -> Fixtures.withSecondary(Fixtures.SEED_SINK_FORKS, dir, Counter.COPIED.id(), "ops/s",
                    i -> i == row ? results.get(i).secondaryScore(Counter.NOTIFICATIONS.id()) : 0);
            case UNDELIVERED -> Fixtures.withSecondary(Fixtures.SEED_SINK_FORKS, dir, Counter.DELIVERED.id(), "ops/s",
                    i -> packets.applyAsDouble(i) * (i == row ? 0.5 : 1));
            case STOLEN -> Fixtures.withSecondary(Fixtures.SEED_SINK_FORKS, dir, CpuMetric.STEAL_PCT.id(), "%",
                    i -> i == row ? 5.0 : 0.5);
        };
    }
}

package zcbench.analysis.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import zcbench.analysis.Fixtures;
import zcbench.analysis.jmh.Run;
import zcbench.vocabulary.Variant;

/**
 * A row whose library sends zero-copy without ever saying whether the kernel copied (netty's io_uring transport
 * with a threshold) shows copied % as unknown in every output, never 0 and never "-" (not applicable).
 */
class CopiedUnknownTest {
    @Test
    void nettysZeroCopyRowsSayUnknownAndItsOtherRowsSayNotApplicable(@TempDir Path dir) throws IOException {
        Path run = Fixtures.resource(Fixtures.SMOKE_SINK);
        for (String file : List.of("jmh.json", "env.json")) {
            Files.copy(run.resolve(file), dir.resolve(file));
        }
        // The smoke run's copy row as netty io_uring with its threshold, its uring_send row as netty epoll.
        String json = Files.readString(dir.resolve("jmh.json"))
                .replace("\"variant\" : \"copy\"", "\"variant\" : \"netty_uring\", \"zc_threshold\" : \"16384\"")
                .replace("\"variant\" : \"uring_send\"", "\"variant\" : \"netty_epoll\"");
        Files.writeString(dir.resolve("jmh.json"), json);
        SpeedupTable table = SpeedupTable.of(Run.load(dir), Variant.DEFAULT_BASELINE);

        SpeedupRow uring = table.rows().stream().filter(r -> r.row().variant().equals("netty_uring")).findFirst()
                .orElseThrow();
        SpeedupRow epoll = table.rows().stream().filter(r -> r.row().variant().equals("netty_epoll")).findFirst()
                .orElseThrow();
        assertTrue(uring.copiedUnknown());
        assertFalse(epoll.copiedUnknown(), "epoll never asks for zero-copy: its sends are copies, like copy's");
        int copied = Cells.headers(table).indexOf(Cells.COPIED);
        assertEquals(Cells.UNKNOWN, Cells.of(table, uring).get(copied));
        assertEquals("-", Cells.of(table, epoll).get(copied));
        String note = "copied % of row " + uring.no() + " is unknown (empty in speedup.csv): netty's io_uring"
                + " transport sends zero-copy above its threshold but never asks the kernel whether it copied";
        assertTrue(SpeedupText.render(table).replaceAll("\\s+", " ").contains(note), SpeedupText.render(table));
        assertTrue(SpeedupMarkdown.render(table).contains(note), SpeedupMarkdown.render(table));

        List<CSVRecord> csv = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
                .setCommentMarker(SpeedupCsv.COMMENT).get().parse(new StringReader(SpeedupCsv.render(table)))
                .getRecords();
        CSVRecord row = csv.stream().filter(r -> r.get("variant").equals("netty_uring")).findFirst().orElseThrow();
        assertEquals("", row.get("copied_pct"), "empty, never 0");
        assertEquals("16384", row.get("zc_threshold"));
    }
}

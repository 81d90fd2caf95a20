package zcbench.analysis.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import zcbench.analysis.Fixtures;

class RunReportsTest {
    @TempDir
    Path tmp;

    @Test
    void reportOnASavedRunReproducesItsSpeedupCsvByteForByte() throws IOException {
        Path run = Fixtures.copy(Fixtures.SINK, tmp);
        byte[] saved = Files.readAllBytes(run.resolve(RunReports.CSV));
        RunReports.writeAll(run);
        assertArrayEquals(saved, Files.readAllBytes(run.resolve(RunReports.CSV)));
    }

    @Test
    void writingTwiceGivesIdenticalFiles() throws IOException {
        Path run = Fixtures.copy(Fixtures.LOOPBACK, tmp);
        RunReport first = RunReports.writeAll(run);
        List<byte[]> before = first.files().stream().map(RunReportsTest::bytes).toList();
        RunReport second = RunReports.writeAll(run);
        for (int i = 0; i < before.size(); i++) {
            assertArrayEquals(before.get(i), bytes(second.files().get(i)), second.files().get(i).toString());
        }
    }

    @Test
    void writeAllWritesTheThreeFilesAndNothingElseIntoTheRunFolder() {
        Path run = Fixtures.copy(Fixtures.SINK, tmp);
        RunReport report = RunReports.writeAll(run);
        assertEquals(List.of(run.resolve("speedup.csv"), run.resolve("speedup.md"), run.resolve("report.html")),
                report.files());
        assertEquals(List.of("env.json", "jmh.json", "report.html", "speedup.csv", "speedup.md"),
                Fixtures.fileNames(run));
        String text = report.renderText();
        assertTrue(text.contains("65435 bytes, sink"));
        assertTrue(text.contains(" 22  io_uring zc fixed, flush=false, nr_reqs=8 "));
    }

    @Test
    void outAndBaselineOptionsAndABareJmhFile() throws IOException {
        Path json = Fixtures.copy(Fixtures.PLAIN, tmp);
        Path out = tmp.resolve("elsewhere");
        RunReport report = RunReports.write(json, out, "copy");
        assertEquals(List.of("report.html", "speedup.csv", "speedup.md"), Fixtures.fileNames(out));
        assertEquals(List.of("elsewhere", Fixtures.PLAIN), Fixtures.fileNames(tmp));
        assertTrue(Files.readString(out.resolve("speedup.md")).contains("against the copy row"));
        assertEquals("copy", report.table().baseline());
        RunReports.write(json, null, "msg_zerocopy");
        assertEquals(List.of("elsewhere", Fixtures.PLAIN, "report.html", "speedup.csv", "speedup.md"),
                Fixtures.fileNames(tmp));
    }

    private static byte[] bytes(Path p) {
        try {
            return Files.readAllBytes(p);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}

package zcbench.analysis.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import zcbench.analysis.Fixtures;
import zcbench.vocabulary.ResultFiles;

class RunReportsTest {
    static final List<String> REAL_RUNS = Fixtures.REAL_RUNS;

    @TempDir
    Path tmp;

    /**
     * The speedup.csv in each fixture is the one the harness wrote at the end of that run. Columns
     * are only ever added at the end, so every column the saved file has comes back byte for byte.
     */
    @ParameterizedTest(name = "{0}")
    @FieldSource("REAL_RUNS")
    void reportOnASavedRunReproducesItsSpeedupCsvByteForByte(String fixture) throws IOException {
        Path run = Fixtures.copy(fixture, tmp);
        List<List<String>> saved = cells(Files.readString(run.resolve(ResultFiles.SPEEDUP_CSV)));
        Files.delete(run.resolve(ResultFiles.SPEEDUP_CSV)); // what is compared below is what report wrote
        RunReports.writeAll(run);
        List<List<String>> now = cells(Files.readString(run.resolve(ResultFiles.SPEEDUP_CSV)));
        assertEquals(saved.size(), now.size(), "lines");
        for (int i = 0; i < saved.size(); i++) {
            List<String> old = saved.get(i);
            assertEquals(old, now.get(i).subList(0, Math.min(old.size(), now.get(i).size())), "line " + (i + 1));
        }
    }

    private static List<List<String>> cells(String csv) throws IOException {
        try (var parser = org.apache.commons.csv.CSVParser.parse(csv, org.apache.commons.csv.CSVFormat.DEFAULT)) {
            return parser.getRecords().stream().map(r -> r.toList()).toList();
        }
    }

    @Test
    void writingTwiceGivesIdenticalFiles() throws IOException {
        Path run = Fixtures.copy(Fixtures.FLAME_SINK, tmp);
        RunReport first = RunReports.writeAll(run);
        List<byte[]> before = first.files().stream().map(RunReportsTest::bytes).toList();
        RunReport second = RunReports.writeAll(run);
        for (int i = 0; i < before.size(); i++) {
            assertArrayEquals(before.get(i), bytes(second.files().get(i)), second.files().get(i).toString());
        }
    }

    @Test
    void writeAllWritesTheThreeFilesAndPairsCsvAndNothingElseIntoTheRunFolder() {
        Path run = Fixtures.copy(Fixtures.SEED_SINK, tmp);
        RunReport report = RunReports.writeAll(run);
        assertEquals(List.of(run.resolve("speedup.csv"), run.resolve("speedup.md"), run.resolve("report.html"),
                run.resolve("pairs.csv")), report.files());
        assertEquals(List.of("env.json", "jmh.json", "pairs.csv", "report.html", "speedup.csv", "speedup.md"),
                Fixtures.fileNames(run));
        String text = report.renderText();
        assertTrue(text.contains("65435 bytes, sink"));
        assertTrue(text.contains(" 7  io_uring zc fixed, flush=false, nr_reqs=8 "), text);
        // the pairs come after the tables and before the notes
        assertTrue(text.indexOf(" 9  io_uring zc fixed") < text.indexOf("\nRow pairs\n"), text);
        assertTrue(text.indexOf("\nRow pairs\n") < text.indexOf("* "), text);
        assertTrue(text.contains(" uring_zc_fixed b8: ubuf_cache on → off  65435 bytes, sink  7 → 8 "), text);
    }

    @Test
    void aRunWithoutRowPairsGetsNoPairsCsvAndNoPairsSection() throws IOException {
        Path run = Fixtures.copy(Fixtures.SMOKE_SINK, tmp);
        RunReport report = RunReports.writeAll(run);
        assertEquals(List.of(run.resolve("speedup.csv"), run.resolve("speedup.md"), run.resolve("report.html")),
                report.files());
        assertEquals(List.of("env.json", "jmh.json", "report.html", "speedup.csv", "speedup.md"),
                Fixtures.fileNames(run));
        assertFalse(report.renderText().contains("Row pairs"));
        assertFalse(Files.readString(run.resolve("speedup.md")).contains("Row pairs"));
        assertFalse(Files.readString(run.resolve("report.html")).contains("Row pairs"));
    }

    @Test
    void speedupMdAndReportHtmlShowTheRowPairs() throws IOException {
        Path run = Fixtures.copy(Fixtures.SEED_SINK_FORKS, tmp);
        RunReports.writeAll(run);
        String md = Files.readString(run.resolve("speedup.md"));
        assertTrue(md.contains("\n## Row pairs\n"), md);
        // both rows are noisy, and their MB/s say so as the speedup table's +/- does
        assertTrue(md.contains("| uring_zc_fixed b8: ubuf_cache on → off | 65435 bytes, sink | 7 → 8 | 30292 NOISY "
                + "| 23769 NOISY | 0.785 | [0.069, 1.550] | no difference |"), md);
        String html = Files.readString(run.resolve("report.html"));
        assertTrue(html.contains("<h2 id=\"row-pairs\">Row pairs</h2>"), html);
        assertEquals(5, html.split("<tr class=\"pair-row\"", -1).length - 1);
        assertTrue(html.contains("<tr class=\"pair-row\" id=\"pair-3\"><td class=\"num\">3</td><td>uring_zc_fixed b8:"
                + " ubuf_cache on → off</td>"), html);
        assertTrue(html.contains("<svg id='pairs-chart'"), html);
        assertTrue(html.indexOf("<svg id='pairs-chart'") < html.indexOf("id=\"pair-1\""), html);
    }

    @Test
    void outAndBaselineOptionsAndABareJmhFile() throws IOException {
        Path json = Fixtures.copyAs(Fixtures.SEED_SINK + "/jmh.json", tmp.resolve("seed.json"));
        Path out = tmp.resolve("elsewhere");
        RunReport report = RunReports.write(json, out, "copy");
        assertEquals(List.of("pairs.csv", "report.html", "speedup.csv", "speedup.md"), Fixtures.fileNames(out));
        assertEquals(List.of("elsewhere", "seed.json"), Fixtures.fileNames(tmp));
        assertTrue(Files.readString(out.resolve("speedup.md")).contains("against the copy row"));
        assertEquals("copy", report.table().baseline());
        RunReports.write(json, null, "msg_zerocopy");
        assertEquals(List.of("elsewhere", "pairs.csv", "report.html", "seed.json", "speedup.csv", "speedup.md"),
                Fixtures.fileNames(tmp));
    }

    /**
     * rw-r--r-- whatever the umask: the commands run in a JVM started under umask 077, which would otherwise
     * leave the files rw-------.
     */
    @Test
    void filesAreWorldReadableEvenUnderARestrictiveUmask() throws IOException, InterruptedException {
        Path run = Fixtures.copy(Fixtures.SEED_SINK, tmp.resolve("a"));
        Path other = Fixtures.copy(Fixtures.SEED_SINK_EARLIER, tmp.resolve("b"));
        umask077("zcbench.analysis.cli.ReportCommand", run.toString());
        umask077("zcbench.analysis.cli.CompareCommand", run.toString(), other.toString());
        Path compared = tmp.resolve("b").resolve("compare-seed-sink-vs-seed-sink-earlier");
        for (Path f : List.of(run.resolve("speedup.csv"), run.resolve("speedup.md"), run.resolve("report.html"),
                compared.resolve("compare.csv"), compared.resolve("compare.html"))) {
            assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(f)), f.toString());
        }
        Path probe = tmp.resolve("probe");
        umask077Shell("touch " + probe);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(probe)),
                "the umask really was 077");
    }

    private static void umask077(String mainClass, String... args) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> command = new ArrayList<>(List.of("sh", "-c", "umask 077 && exec \"$@\"", "sh", java, "-cp", cp,
                mainClass));
        command.addAll(List.of(args));
        run(command);
    }

    private static void umask077Shell(String script) throws IOException, InterruptedException {
        run(List.of("sh", "-c", "umask 077 && " + script));
    }

    private static void run(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), output);
        assertEquals(0, p.exitValue(), output);
    }

    private static byte[] bytes(Path p) {
        try {
            return Files.readAllBytes(p);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}

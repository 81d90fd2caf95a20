package zcbench.analysis.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import zcbench.vocabulary.Knobs;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import zcbench.analysis.AnalysisException;
import zcbench.analysis.Fixtures;
import zcbench.analysis.jmh.Run;
import zcbench.analysis.report.CompareReports;
import zcbench.analysis.table.Num;
import zcbench.analysis.table.RowLabels;
import zcbench.vocabulary.CpuMetric;

class ComparisonTest {
    static final List<String> REAL_RUNS = Fixtures.REAL_RUNS;
    private static final Run SMOKE_SINK = Run.load(Fixtures.resource(Fixtures.SMOKE_SINK));
    private static final Run SMOKE_LOOPBACK = Run.load(Fixtures.resource(Fixtures.SMOKE_LOOPBACK));
    private static final Run SEED = Run.load(Fixtures.resource(Fixtures.SEED_SINK));
    private static final Run SEED_LOOPBACK = Run.load(Fixtures.resource(Fixtures.SEED_LOOPBACK));
    private static final Run SEED_EARLIER = Run.load(Fixtures.resource(Fixtures.SEED_SINK_EARLIER));
    private static final Run SIZES = Run.load(Fixtures.resource(Fixtures.SIZES_SINK));

    @TempDir
    Path tmp;

    private static boolean zeroCopy(ComparisonRow r) {
        return RowLabels.isZeroCopy(r.a().row().variant());
    }

    private static ComparisonRow row(Comparison c, String test) {
        return c.matched().stream().filter(r -> r.a().test().equals(test)).findFirst().orElseThrow();
    }

    /** Also for the one-iteration runs: the same scores are no difference, interval or not. */
    @ParameterizedTest(name = "{0}")
    @FieldSource("REAL_RUNS")
    void aRunComparedWithItselfShowsNoDifferenceOnEveryRow(String fixture) {
        Run run = Run.load(Fixtures.resource(fixture));
        Comparison c = Comparison.of(run, run);
        assertEquals(run.results().size(), c.rows().size());
        assertEquals(c.rows(), c.matched());
        assertTrue(c.rows().stream().allMatch(r -> r.verdict() == Verdict.NO_DIFFERENCE));
        assertTrue(c.rows().stream().allMatch(r -> r.ratio() == 1.0));
        assertTrue(c.compared().isEmpty());
    }

    /**
     * The real sink/loopback pair measured one iteration per row, so no row has an interval: the verdict
     * cannot be "slower" (nor "no difference"), only "unknown: no interval", though loopback's zero-copy rows
     * reached 27-54 % of the sink's MB/s and the kernel copied all their sends.
     */
    @Test
    void smokeSinkAgainstSmokeLoopbackComparesTheTargetButWithoutIntervalsCannotCallADifference() {
        Comparison c = Comparison.of(SMOKE_SINK, SMOKE_LOOPBACK);
        assertEquals(List.of("target: sink -> loopback"), c.compared());
        assertEquals(5, c.matched().size());
        assertTrue(c.matched().stream().allMatch(r -> r.verdict() == Verdict.UNKNOWN));
        assertTrue(c.matched().stream().allMatch(r -> Double.isNaN(r.ratioLow()) && Double.isNaN(r.ratioHigh())));
        List<ComparisonRow> zeroCopy = c.matched().stream().filter(ComparisonTest::zeroCopy).toList();
        assertEquals(3, zeroCopy.size());
        assertTrue(zeroCopy.stream().allMatch(r -> r.ratio() > 0.25 && r.ratio() < 0.55), zeroCopy.toString());
        assertTrue(zeroCopy.stream().allMatch(r -> r.a().copiedPct() == 0 && r.b().copiedPct() == 100));
        assertEquals("sink -> loopback", zeroCopy.getFirst().params().get(5));
        String text = CompareText.render(c);
        assertTrue(text.contains("Compared: target: sink -> loopback."));
        assertEquals(5, text.lines().filter(l -> l.contains(" -  unknown: no interval ")).count(), text);
    }

    /**
     * The real seed pair, 3 iterations in one fork each: on loopback the kernel copied every zero-copy send, and
     * those rows reached a quarter to a half of the sink's MB/s. Yet one fork per row says nothing about how
     * another run would vary, so no row gets an interval or a verdict but "unknown: one fork".
     */
    @Test
    void seedSinkAgainstSeedLoopbackInOneForkEachHasRatiosButNoVerdicts() {
        Comparison c = Comparison.of(SEED, SEED_LOOPBACK);
        assertEquals(List.of("target: sink -> loopback"), c.compared());
        assertEquals(9, c.matched().size());
        assertEquals(c.rows(), c.matched());
        List<ComparisonRow> zeroCopy = c.matched().stream().filter(ComparisonTest::zeroCopy).toList();
        assertEquals(7, zeroCopy.size());
        assertTrue(zeroCopy.stream().allMatch(r -> r.a().copiedPct() == 0 && r.b().copiedPct() == 100));
        assertTrue(zeroCopy.stream().allMatch(r -> r.ratio() > 0.2 && r.ratio() < 0.55), zeroCopy.toString());
        assertTrue(c.matched().stream().allMatch(r -> r.verdict() == Verdict.ONE_FORK));
        assertTrue(c.matched().stream().allMatch(r -> Double.isNaN(r.ratioLow()) && Double.isNaN(r.ratioHigh())));
        String text = CompareText.render(c);
        assertTrue(text.contains("Compared: target: sink -> loopback."), text);
        assertEquals(9, text.lines().filter(l -> l.contains(" unknown: one fork ")).count(), text);
        assertEquals(7, text.lines().filter(l -> l.contains(" 0 / 100")).count(), text);
    }

    /**
     * Every mark of either run's row stands beside that run's MB/s, in the terminal, compare.csv and compare.html:
     * B is seed-loopback (its zero-copy rows COPIED) with one row's sending CPU taken by a neighbour (STOLEN).
     */
    @Test
    void everyMarkOfEitherRunsRowIsShownBesideItsMbS() throws IOException {
        Path stolen = Fixtures.withSecondary(Fixtures.SEED_LOOPBACK, tmp.resolve("b"), CpuMetric.STEAL_PCT.id(), "%",
                i -> i == 0 ? 5.0 : 0.5);
        Comparison c = Comparison.of(SEED, Run.load(stolen));
        List<ComparisonRow> marked = c.matched().stream().filter(r -> r.b().stolen()).toList();
        assertEquals(List.of("copy-65435-b1-sink"), marked.stream().map(ComparisonRow::label).toList());
        String text = CompareText.render(c);
        for (ComparisonRow r : c.matched()) {
            String line = text.lines().filter(l -> l.strip().startsWith(r.label() + " ")).findFirst().orElseThrow();
            assertTrue(line.contains(Num.shown(r.b().mbS().score(), 0) + (r.b().noisy() ? " NOISY" : "")
                    + (r.b().copiedZeroCopy() ? " COPIED" : "") + (r.b().stolen() ? " STOLEN" : "") + "  "), line);
        }
        assertEquals(7, text.lines().filter(l -> l.contains(" COPIED ")).count(), text);
        assertEquals(1, text.lines().filter(l -> l.contains(" STOLEN ")).count(), text);
        List<CSVRecord> records = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(CompareCsv.render(c))).getRecords();
        for (CSVRecord r : records) {
            boolean isMarked = r.get("row").equals(marked.getFirst().label());
            assertEquals(isMarked ? "true" : "false", r.get("b_stolen"), r.toString());
            assertEquals("", r.get("a_stolen"), "A has no steal figures: " + r);
        }
        String html = Files.readString(CompareReports.write(Fixtures.resource(Fixtures.SEED_SINK), stolen,
                tmp.resolve("cmp")).files().get(1));
        assertEquals(1, html.split(Pattern.quote("<span class=\"badge stolen\">STOLEN</span>"), -1).length - 1);
        assertTrue(html.contains("copy-65435-b1-sink  [A: NOISY]  [B: NOISY STOLEN]"), "the chart names each side's marks");
    }

    /**
     * Two real seed runs in one fork each: before, a row whose two within-fork intervals did not overlap was
     * called slower; that is what cried wolf between identical runs, so one fork gives no verdict now.
     */
    @Test
    void twoOneForkRunsGetNoVerdictWhateverTheirWithinForkIntervalsSay() {
        Comparison c = Comparison.of(SEED, SEED_EARLIER);
        ComparisonRow flushed = row(c, "io_uring zc fixed, flush=true, nr_reqs=8");
        assertTrue(flushed.b().mbS().high() < flushed.a().mbS().low(), "the within-fork intervals do not overlap");
        assertEquals(Verdict.ONE_FORK, flushed.verdict());
        assertTrue(c.matched().stream().allMatch(r -> r.verdict() == Verdict.ONE_FORK));
    }

    @Test
    void aRowWithoutAnIntervalOnOneSideIsUnknown() {
        Comparison c = Comparison.of(SMOKE_SINK, SIZES);
        ComparisonRow zc = row(c, "io_uring zc fixed, flush=false, nr_reqs=8");
        assertTrue(Double.isNaN(zc.a().mbS().error()) && Double.isFinite(zc.b().mbS().error()));
        assertEquals(Verdict.UNKNOWN, zc.verdict());
    }

    /** Two kernels or machines: both environments side by side, the differences marked, a warning on timing. */
    @Test
    void theEnvironmentsStandSideBySideAndDifferentTimingsAreAWarning() throws IOException {
        Run forks = Run.load(Fixtures.resource(Fixtures.SEED_SINK_FORKS));
        Comparison c = Comparison.of(SEED, forks);
        List<String> differ = c.environment().differences().stream().map(EnvironmentDiff.Line::key).toList();
        assertTrue(differ.contains("kernel") && differ.contains("zcbench_version"), differ.toString());
        assertFalse(differ.contains("captured_at"), "a time stamp always differs and is not flagged");
        assertFalse(differ.contains("cpus_online"), "the same in both");
        EnvironmentDiff.Line version = c.environment().lines().stream().filter(l -> l.key().equals("zcbench_version"))
                .findFirst().orElseThrow();
        assertEquals("", version.a(), "the earlier run recorded no version");
        assertEquals(1, c.warnings().size(), c.warnings().toString());
        assertTrue(c.warnings().getFirst().startsWith("The runs were measured differently (A: 1 fork x 3 x 300 ms "
                + "after 1 x 300 ms warm-up; B: 3 forks x 3 x 300 ms after 1 x 300 ms warm-up)"), c.warnings().toString());
        String text = CompareText.render(c);
        assertTrue(text.contains("WARNING: The runs were measured differently"), text);
        assertTrue(text.lines().anyMatch(l -> l.startsWith(" kernel ")), text);
        Path out = CompareReports.write(Fixtures.resource(Fixtures.SEED_SINK), Fixtures.resource(Fixtures.SEED_SINK_FORKS),
                tmp.resolve("cmp")).files().get(1);
        String html = Files.readString(out);
        assertTrue(html.contains("<tr class=\"differs\"><td>kernel</td>"), "differences highlighted");
        assertTrue(html.indexOf("<p class=\"sub\" id=\"env-differs\">The environments differ in kernel, ")
                < html.indexOf("<svg"), "named before the chart");
        assertTrue(html.contains("<tr><td>cpus_online</td><td>2</td><td>2</td></tr>"));
        assertTrue(html.contains("<div class=\"banner noisy warning\">WARNING: The runs were measured differently"));
        assertTrue(Comparison.of(forks, forks).warnings().isEmpty());
    }

    @Test
    void compareNeverWritesIntoAnInput() {
        Path a = Fixtures.copy(Fixtures.SEED_SINK, tmp.resolve("a"));
        Path b = Fixtures.copy(Fixtures.SEED_SINK_EARLIER, tmp.resolve("b"));
        for (Path into : List.of(a, b, b.resolve("sub"))) {
            AnalysisException e = assertThrows(AnalysisException.class, () -> CompareReports.write(a, b, into));
            assertTrue(e.getMessage().contains("compare never writes into an input"), e.getMessage());
        }
        assertEquals(List.of("env.json", "jmh.json", "speedup.csv"), Fixtures.fileNames(b));
        assertFalse(Files.exists(b.resolve("sub")));
    }

    @Test
    void rowsInOnlyOneRunAreListedNotDropped() {
        Comparison c = Comparison.of(SEED, SIZES);
        assertTrue(c.compared().isEmpty());
        assertEquals(2, c.matched().size()); // uring_zc and uring_zc_fixed, flush=false, nr_reqs=8 at 65435 B
        assertEquals(7, c.only(Verdict.ONLY_A).size());
        assertEquals(10, c.only(Verdict.ONLY_B).size());
        assertEquals(19, c.rows().size());
        String text = CompareText.render(c);
        assertTrue(text.contains("only in A (not compared):\n  copy-65435-b1-sink\n"), text);
        assertTrue(text.contains("only in B (not compared):\n  copy-4096-b8-sink\n"), text);
        assertTrue(CompareCsv.render(c).contains(",only in B,"));
    }

    /**
     * Runs from before ubuf_cache had one name carry ubufCache in jmh.json: against a run that carries ubuf_cache,
     * every row is matched on the same parameters as before, and nothing is compared.
     */
    @Test
    void anOldRunAndANewRunMatchEveryRowAcrossTheKnobsNewName() throws IOException {
        Path old = Fixtures.copy(Fixtures.SEED_SINK, tmp.resolve("old"));
        Path renamed = Fixtures.copy(Fixtures.SEED_SINK, tmp.resolve("new")).resolve("jmh.json");
        String json = Files.readString(renamed);
        assertTrue(json.contains("\"ubufCache\" : \"off\""), "the fixture is a run from before the rename");
        Files.writeString(renamed, json.replace("\"ubufCache\"", "\"ubuf_cache\""));
        Comparison c = Comparison.of(Run.load(old), Run.load(renamed));
        assertTrue(c.compared().isEmpty(), c.compared().toString());
        assertTrue(c.matchedOn().contains("ubuf_cache"), c.matchedOn().toString());
        assertEquals(9, c.matched().size());
        assertEquals(c.rows(), c.matched());
        assertTrue(c.matched().stream().allMatch(r -> r.verdict() == Verdict.NO_DIFFERENCE
                && r.a().row().equals(r.b().row())));
        assertEquals(1, c.matched().stream().filter(r -> r.label()
                .equals("uring_zc_fixed-65435-b8-flush=false-ubuf_cache=off-sink")).count());
    }

    /** Every line has a cell per header; a compared parameter reads "a -> b"; the row column holds A's key. */
    @Test
    void compareCsvHasACellPerColumnAndTheRowKeyLast() throws IOException {
        String csv = CompareCsv.render(Comparison.of(SEED, SEED_LOOPBACK));
        List<CSVRecord> records = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(csv)).getRecords();
        assertEquals(9, records.size());
        assertEquals(CompareCsv.COLUMNS, records.getFirst().getParser().getHeaderNames());
        // Knobs added after the row key follow it, in Knobs' order; the marks but noisy after latency, A's and B's.
        int row = CompareCsv.COLUMNS.indexOf("row");
        assertEquals(List.of("poll", "verify", "row"), CompareCsv.COLUMNS.subList(row - 2, row + 1));
        List<String> after = new ArrayList<>(CompareCsv.COLUMNS.subList(row + 1, CompareCsv.COLUMNS.size()));
        List<String> marks = List.of("a_copied", "b_copied", "a_undelivered", "b_undelivered", "a_stolen", "b_stolen");
        int marksAt = after.indexOf(marks.getFirst());
        assertEquals(marks, after.subList(marksAt, marksAt + marks.size()));
        assertEquals(Knobs.LATENCY.name(), after.get(marksAt - 1));
        after.removeAll(marks);
        // interval_method (rounds or forks) came last, after every knob and mark before it.
        assertEquals("interval_method", after.removeLast());
        assertEquals(Knobs.names().stream().filter(after::contains).toList(), after);
        for (CSVRecord r : records) {
            assertEquals(CompareCsv.COLUMNS.size(), r.size(), r.toString());
            assertEquals("sink -> loopback", r.get("target"));
            assertTrue(Double.parseDouble(r.get("a_mb_s")) > 0, r.toString());
            assertTrue(r.get("row").endsWith("-sink") && r.get("row").startsWith(r.get("variant") + "-65435-b"),
                    r.toString());
            // loopback copies every zero-copy send; the sink none; copy and uring_send have nothing to copy
            boolean zeroCopy = !r.get("a_copied_pct").isEmpty();
            assertEquals(zeroCopy ? "false" : "", r.get("a_copied"), r.toString());
            assertEquals(zeroCopy ? "true" : "", r.get("b_copied"), r.toString());
        }
        assertEquals("copy-65435-b1-sink", records.getFirst().get("row"));
    }

    @Test
    void writesCompareCsvAndHtmlIntoAFolderOfItsOwnBesideBWithOneRatioMarkPerMatchedRow() throws IOException {
        Path a = Fixtures.copy(Fixtures.SMOKE_SINK, tmp.resolve("a"));
        Path b = Fixtures.copy(Fixtures.SMOKE_LOOPBACK, tmp.resolve("b"));
        CompareReports.CompareReport report = CompareReports.write(a, b, null);
        Path out = tmp.resolve("b").resolve("compare-smoke-sink-vs-smoke-loopback");
        assertEquals(List.of(out.resolve("compare.csv"), out.resolve("compare.html")), report.files());
        assertEquals(List.of("env.json", "jmh.json", "speedup.csv"), Fixtures.fileNames(b), "B's run folder as it was");
        List<String> csv = Files.readAllLines(out.resolve("compare.csv"));
        assertEquals(6, csv.size());
        assertTrue(csv.stream().skip(1).allMatch(l -> l.contains(",,,unknown: no interval,")), csv.toString());
        String html = Files.readString(out.resolve("compare.html"));
        assertEquals(5, Pattern.compile("<g id='ratio-\\d+' class='ratio-mark'>").matcher(html).results().count());
        assertEquals(5, Pattern.compile("<tr class=\"compare-row\"").matcher(html).results().count());
        assertEquals(List.of("env.json", "jmh.json", "speedup.csv"), Fixtures.fileNames(a));
    }
}

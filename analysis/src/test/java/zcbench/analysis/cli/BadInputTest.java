package zcbench.analysis.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import zcbench.analysis.AnalysisException;
import zcbench.analysis.Fixtures;
import zcbench.analysis.report.RunReports;

/** Each bad input: one clear sentence on stderr, a non-zero exit, and no file left behind. */
class BadInputTest {
    @TempDir
    Path tmp;

    private static void assertOneSentence(String err, String expected) {
        List<String> lines = err.lines().toList();
        assertEquals(1, lines.size(), err);
        assertTrue(lines.getFirst().endsWith("."), err);
        assertTrue(lines.getFirst().contains(expected), err);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "not-json-handmade.json         | is not JSON",
        "not-jmh-handmade.json          | is JSON but not JMH results",
        "other-project-handmade.json    | holds JMH results without zcbench's parameters",
        "empty-run-handmade             | holds no results: the run measured nothing",
    })
    void badFilesAreRefusedWithOneSentenceAndLeaveNothingBehind(String fixture, String expected) {
        Path input = Fixtures.copy("bad/" + fixture, tmp);
        List<String> before = Fixtures.fileNames(tmp);
        CommandsTest.Result r = CommandsTest.run(new ReportCommand(), input.toString());
        assertEquals(1, r.code());
        assertEquals("", r.out());
        assertOneSentence(r.err(), expected);
        assertTrue(r.err().contains("; "), "says what to do: " + r.err());
        assertEquals(before, Fixtures.fileNames(tmp));
        if (Files.isDirectory(input)) {
            assertEquals(List.of("jmh.json"), Fixtures.fileNames(input));
        }
    }

    @Test
    void aMissingFileOrAFolderWithoutJmhJson() throws IOException {
        CommandsTest.Result missing = CommandsTest.run(new ReportCommand(), tmp.resolve("nope.json").toString());
        assertEquals(1, missing.code());
        assertOneSentence(missing.err(), "does not exist; pass a zcbench run folder or the jmh.json it holds");
        Files.createDirectories(tmp.resolve("empty"));
        CommandsTest.Result folder = CommandsTest.run(new ReportCommand(), tmp.resolve("empty").toString());
        assertEquals(1, folder.code());
        assertOneSentence(folder.err(), "holds no jmh.json");
        assertEquals(List.of(), Fixtures.fileNames(tmp.resolve("empty")));
    }

    @Test
    void anUnknownBaselineIsRefused() {
        Path run = Fixtures.copy(Fixtures.SEED_SINK, tmp);
        CommandsTest.Result r = CommandsTest.run(new ReportCommand(), run.toString(), "--baseline", "zerocopy");
        assertEquals(1, r.code());
        assertOneSentence(r.err(), "Baseline \"zerocopy\" is not a variant; pick one of");
        assertEquals(List.of("env.json", "jmh.json", "speedup.csv"), Fixtures.fileNames(run));
    }

    @Test
    void compareRefusesABadRunAndWritesNothing() {
        Path a = Fixtures.copy(Fixtures.SEED_SINK, tmp);
        Path b = Fixtures.copy("bad/empty-run-handmade", tmp);
        CommandsTest.Result r = CommandsTest.run(new CompareCommand(), a.toString(), b.toString());
        assertEquals(1, r.code());
        assertOneSentence(r.err(), "holds no results");
        assertEquals(List.of("jmh.json"), Fixtures.fileNames(b));
        assertEquals(List.of("env.json", "jmh.json", "speedup.csv"), Fixtures.fileNames(a));
    }

    @Test
    void theHarnessGetsAnAnalysisExceptionFromWriteAll() {
        Path run = Fixtures.copy("bad/empty-run-handmade", tmp);
        AnalysisException e = assertThrows(AnalysisException.class,
                () -> RunReports.writeAll(run));
        assertTrue(e.getMessage().contains("holds no results"));
    }
}

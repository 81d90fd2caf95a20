package zcbench.vocabulary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFileTest {
    @TempDir
    Path dir;

    private List<String> names() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void writesTheWholeFileReadableByAllAndReplacesAnOlderOne() throws IOException {
        Path file = dir.resolve("speedup.csv");
        assertEquals(file, AtomicFile.write(file, "old\n"));
        AtomicFile.write(file, "new\n");
        assertEquals("new\n", Files.readString(file));
        assertEquals(AtomicFile.MODE, Files.getPosixFilePermissions(file));
        assertEquals(List.of("speedup.csv"), names(), "no temporary file stays behind");
    }

    @Test
    void makesTheFolderItWritesInto() throws IOException {
        Path file = dir.resolve("flame").resolve("copy-65435-b8-sink.diff.csv");
        AtomicFile.write(file, new byte[] {1, 2, 3});
        assertEquals(3, Files.size(file));
    }

    @Test
    void aFailedWriteSaysWhichFileAndLeavesNothingBehind() throws IOException {
        Path folder = Files.createDirectory(dir.resolve("report.html"));
        Files.writeString(folder.resolve("inside"), "x");
        UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> AtomicFile.write(folder, "page"));
        assertTrue(e.getMessage().startsWith("cannot write " + folder + ": "), e.getMessage());
        assertEquals(List.of("report.html"), names());
    }
}

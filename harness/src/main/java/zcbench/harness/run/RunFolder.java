package zcbench.harness.run;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.Map;

import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatFactory;
import org.openjdk.jmh.results.format.ResultFormatType;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import zcbench.vocabulary.AtomicFile;
import zcbench.vocabulary.ResultFiles;

/**
 * One run's folder, {@code <base>/<yyyyMMdd-HHmmss>-<plan>/}: never one that exists already, so
 * nothing of an earlier run is overwritten. Every file is written whole or not at all
 * ({@link AtomicFile}), so a reader (or a crash) never sees half a file.
 */
public final class RunFolder {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");
    /** How the JDK (strerror) words ENOSPC in an IOException, here or in a fork. */
    private static final String NO_SPACE = "No space left on device";

    private final Path base;
    private final Path dir;

    private RunFolder(Path base, Path dir) {
        this.base = base;
        this.dir = dir;
    }

    public static RunFolder create(Path base, String plan) {
        try {
            Files.createDirectories(base);
            String name = LocalDateTime.now().format(STAMP) + "-" + plan;
            Path dir = base.resolve(name);
            for (int n = 2; ; n++) {
                try {
                    Files.createDirectory(dir);
                    return new RunFolder(base, dir);
                } catch (java.nio.file.FileAlreadyExistsException e) {
                    dir = base.resolve(name + "-" + n);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a run folder under " + base + ": " + e.getMessage(), e);
        }
    }

    /** Whether a failure's message says a disk is full. */
    public static boolean full(String reason) {
        return reason.contains(NO_SPACE);
    }

    public Path dir() {
        return dir;
    }

    public Path jmhJson() {
        return dir.resolve(ResultFiles.JMH_JSON);
    }

    /** JMH's own output of every row, appended row by row. */
    public Path jmhLog() {
        return dir.resolve(ResultFiles.JMH_LOG);
    }

    /** JMH's own JSON for every row so far, exactly as {@code -rf json} writes it. */
    public void writeJmhJson(Collection<RunResult> results) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            ResultFormatFactory.getInstance(ResultFormatType.JSON, out).writeOut(results);
        }
        AtomicFile.write(jmhJson(), bytes.toByteArray());
    }

    public void writeEnv(Map<String, Object> env) {
        try {
            byte[] json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsBytes(env);
            AtomicFile.write(dir.resolve(ResultFiles.ENV_JSON), json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void writeText(String name, String text) {
        AtomicFile.write(dir.resolve(name), text);
    }

    /** Points {@code <base>/latest} at this run, replacing the link in one rename. */
    public void pointLatest() {
        Path latest = base.resolve(ResultFiles.LATEST);
        try {
            if (Files.exists(latest, java.nio.file.LinkOption.NOFOLLOW_LINKS) && !Files.isSymbolicLink(latest)) {
                return; // something the user made: leave it alone
            }
            Path tmp = base.resolve(".latest-" + ProcessHandle.current().pid());
            Files.deleteIfExists(tmp);
            Files.createSymbolicLink(tmp, dir.getFileName());
            try {
                Files.move(tmp, latest, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, latest, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot point " + latest + " at " + dir + ": " + e.getMessage(), e);
        }
    }
}

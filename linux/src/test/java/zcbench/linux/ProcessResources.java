package zcbench.linux;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** What the process holds right now: open descriptors and memory mappings, read from /proc. */
public record ProcessResources(long fds, long mappings) {
    public static ProcessResources now() {
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"));
             Stream<String> maps = Files.lines(Path.of("/proc/self/maps"))) {
            return new ProcessResources(fds.count(), maps.count());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static long ioUringMappings() {
        try (Stream<String> maps = Files.lines(Path.of("/proc/self/maps"))) {
            return maps.filter(l -> l.contains("io_uring")).count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

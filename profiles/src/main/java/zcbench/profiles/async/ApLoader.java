package zcbench.profiles.async;

import one.profiler.AsyncProfilerLoader;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/** async-profiler's native library, as ap-loader ships it: no separate install. */
public final class ApLoader {

    private ApLoader() {
    }

    /**
     * Extracts (once per version, into ap-loader's folder under ~/.local/share, or under the
     * temporary folder when the home folder is not writable) and returns the library, for JMH's
     * {@code libPath}. Forks read the same file.
     */
    public static Path libraryPath() {
        if (!AsyncProfilerLoader.isSupported()) {
            throw new IllegalStateException("async-profiler " + AsyncProfilerLoader.getVersion()
                    + " from ap-loader has no library for this platform (" + System.getProperty("os.name") + " "
                    + System.getProperty("os.arch") + ")");
        }
        try {
            return AsyncProfilerLoader.getAsyncProfilerPath();
        } catch (IOException inHome) {
            AsyncProfilerLoader.setExtractionDirectory(
                    Path.of(System.getProperty("java.io.tmpdir"), "zcbench-ap-loader-" + System.getProperty("user.name")));
            try {
                return AsyncProfilerLoader.getAsyncProfilerPath();
            } catch (IOException e) {
                e.addSuppressed(inHome);
                throw new UncheckedIOException("cannot extract async-profiler's library", e);
            }
        }
    }

    public static String version() {
        return AsyncProfilerLoader.getVersion();
    }
}

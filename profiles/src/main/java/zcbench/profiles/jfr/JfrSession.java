package zcbench.profiles.jfr;

import org.openjdk.jmh.profile.Profiler;
import org.openjdk.jmh.results.RunResult;
import zcbench.profiles.rows.TrialDir;
import zcbench.profiles.rows.TrialFiles;
import zcbench.vocabulary.AtomicFile;
import zcbench.vocabulary.ResultFiles;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One {@code run --jfr}: {@link JfrProfiler} with zcbench.jfc, and collecting each row's recording into
 * {@code jfr/<row>.jfr}. The profiler records the measurement iterations only and writes
 * {@code <dir>/<TrialDir of the trial id>/profile.jfr}.
 */
public final class JfrSession {

    public static final String SETTINGS = "zcbench.jfc";
    static final String RAW_DIR = ".jmh-jfr";
    /** JFR's default of 64 frames cuts the sender's stacks off below JMH's own frames. */
    private static final int STACK_DEPTH = 128;

    private final Path jfrDir;
    private final Path settings;

    private JfrSession(Path jfrDir, Path settings) {
        this.jfrDir = jfrDir;
        this.settings = settings;
    }

    /** Puts zcbench.jfc into the run's {@code jfr/}, for the forks and for whoever reads the recordings. */
    public static JfrSession prepare(Path runDir) {
        Path jfrDir = runDir.toAbsolutePath().resolve(ResultFiles.JFR_DIR);
        Path settings = jfrDir.resolve(SETTINGS);
        try (InputStream jfc = Objects.requireNonNull(JfrSession.class.getResourceAsStream(SETTINGS), SETTINGS)) {
            if (!Files.exists(settings)) {
                AtomicFile.write(settings, jfc.readAllBytes());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + settings, e);
        }
        return new JfrSession(jfrDir, settings);
    }

    public Path settings() {
        return settings;
    }

    public Class<? extends Profiler> profilerClass() {
        return JfrProfiler.class;
    }

    /** For {@code OptionsBuilder.jvmArgsAppend}: deeper stacks, attributed to the right line. */
    public List<String> forkJvmArgs() {
        return List.of("-XX:FlightRecorderOptions:stackdepth=" + STACK_DEPTH, "-XX:+UnlockDiagnosticVMOptions",
                "-XX:+DebugNonSafepoints");
    }

    /** The option string for {@code OptionsBuilder.addProfiler(profilerClass(), profilerOptions())}. */
    public String profilerOptions() {
        return String.join(";", List.of("settings=" + settings, "dir=" + jfrDir.resolve(RAW_DIR)));
    }

    /**
     * After the run: moves each row's recording to {@code jfr/<row>.jfr}; a row without one (its fork failed
     * before the last measured iteration) becomes a warning.
     */
    public JfrReport finish(Collection<RunResult> results) {
        List<Path> recordings = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        for (TrialFiles.Collected c : TrialFiles.collect(results, jfrDir.resolve(RAW_DIR), TrialDir::of, jfrDir,
                Map.of(ResultFiles.JFR_SUFFIX, JfrProfiler.RECORDING))) {
            if (c.file(ResultFiles.JFR_SUFFIX) == null) {
                warnings.add(c.name() + ": no JFR recording (the fork ended before its last measured iteration; see jmh.log)");
            } else {
                recordings.add(c.file(ResultFiles.JFR_SUFFIX));
            }
        }
        return new JfrReport(recordings, warnings);
    }

    /** The run's recordings, one per row, and the rows that have none. */
    public record JfrReport(List<Path> recordings, List<String> warnings) {
    }
}

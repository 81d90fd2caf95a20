package zcbench.profiles.async;

import org.openjdk.jmh.profile.Profiler;
import org.openjdk.jmh.results.RunResult;
import zcbench.profiles.rows.TrialDir;
import zcbench.profiles.rows.TrialFiles;
import zcbench.profiles.summary.CollapsedProfile;
import zcbench.profiles.summary.ProfileSummary;
import zcbench.vocabulary.ResultFiles;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One {@code run --flame MODE}: what to add to JMH's options before the run, and collecting
 * JMH's per-trial output into {@code flame/} with row names after it.
 *
 * <p>{@link FlameProfiler} writes, for {@code dir=D} and event E, the files
 * {@code D/<TrialDir of the trial id>/flame-E-forward.html} and {@code collapsed-E.csv}. JMH's own async
 * profiler names the folder by the trial id, which holds every knob and outgrew a file name's 255 bytes.
 */
public final class FlameSession {

    /** profile-summary.csv, next to flame/ ({@code profile-summary-2.csv} ... should one exist). */
    static final String SUMMARY = ResultFiles.PROFILE_SUMMARY_CSV.replaceFirst("\\.csv$", "");
    /** Where JMH's profiler writes before {@link #finish} moves the files out; removed when empty. */
    static final String RAW_DIR = ".jmh-async";
    /** 1 ms: ten times async-profiler's default, so a row of a few seconds gives thousands of samples. */
    private static final long CPU_INTERVAL_NS = 1_000_000;

    private final Preflight preflight;
    private final Path libPath;
    private final Path flameDir;

    public FlameSession(Preflight preflight, Path libPath, Path runDir) {
        this.preflight = preflight;
        this.libPath = libPath.toAbsolutePath();
        this.flameDir = runDir.toAbsolutePath().resolve(ResultFiles.FLAME_DIR);
    }

    /** Checks the machine (kernel frames or not) and finds async-profiler's library through ap-loader. */
    public static FlameSession prepare(FlameMode mode, Path runDir) {
        return new FlameSession(Preflight.check(mode), ApLoader.libraryPath(), runDir);
    }

    public Preflight preflight() {
        return preflight;
    }

    public Path flameDir() {
        return flameDir;
    }

    public Class<? extends Profiler> profilerClass() {
        return FlameProfiler.class;
    }

    /** The option string for {@code OptionsBuilder.addProfiler(profilerClass(), profilerOptions())}. */
    public String profilerOptions() {
        List<String> options = new ArrayList<>(List.of(
                "libPath=" + libPath,
                "event=" + preflight.event(),
                "dir=" + rawDir()));
        if (preflight.mode() == FlameMode.CPU) {
            options.add("interval=" + CPU_INTERVAL_NS);
        }
        return String.join(";", options);
    }

    /** For {@code OptionsBuilder.jvmArgsAppend}: stacks attributed to the right line, not the next safepoint. */
    public List<String> forkJvmArgs() {
        return List.of("-XX:+UnlockDiagnosticVMOptions", "-XX:+DebugNonSafepoints");
    }

    /**
     * After the run: moves each row's graph and collapsed stacks to
     * {@code flame/<row>.<mode>.html} and {@code .collapsed}, and for {@code --flame cpu} writes
     * {@code profile-summary.csv} next to {@code flame/}. Call once, with all of the run's results.
     */
    public FlameReport finish(Collection<RunResult> results) {
        String html = ResultFiles.flameGraphSuffix(preflight.mode().cliName());
        String collapsed = ResultFiles.collapsedSuffix(preflight.mode().cliName());
        Map<String, String> sources = new LinkedHashMap<>();
        sources.put(html, FlameProfiler.flameGraph(preflight.event()));
        sources.put(collapsed, FlameProfiler.collapsed(preflight.event()));
        List<FlameRow> rows = new ArrayList<>();
        for (TrialFiles.Collected c : TrialFiles.collect(results, rawDir(), TrialDir::of, flameDir, sources)) {
            Path stacks = c.file(collapsed);
            CollapsedProfile profile = stacks == null ? new CollapsedProfile(List.of()) : CollapsedProfile.read(stacks);
            rows.add(new FlameRow(c.row(), c.name(), c.file(html), stacks, profile));
        }
        Path summary = preflight.mode() == FlameMode.CPU ? writeSummary(rows) : null;
        return new FlameReport(preflight, rows, summary);
    }

    private Path writeSummary(List<FlameRow> rows) {
        Path runDir = flameDir.getParent();
        Path csv = runDir.resolve(TrialFiles.freeStem(runDir, SUMMARY, List.of(".csv")) + ".csv");
        List<ProfileSummary> summaries = rows.stream()
                .filter(r -> r.collapsed() != null)
                .map(r -> ProfileSummary.of(r.name(), r.row().params(), r.profile()))
                .toList();
        ProfileSummary.writeCsv(csv, summaries, preflight.kernelFrames() ? null : preflight.reason());
        return csv;
    }

    Path rawDir() {
        return flameDir.resolve(RAW_DIR);
    }
}

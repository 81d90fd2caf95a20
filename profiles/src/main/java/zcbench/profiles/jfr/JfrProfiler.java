package zcbench.profiles.jfr;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.util.List;

import jdk.jfr.Configuration;
import jdk.jfr.Recording;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.profile.ProfilerException;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.runner.IterationType;

import zcbench.profiles.rows.TrialDir;

/**
 * A JFR recording of a trial's measurement iterations, made in the fork with the recording API: started before the
 * first, stopped after the last and dumped to {@code dir/<TrialDir>/profile.jfr}. What JMH's own JFR profiler does
 * with jcmd, but in a folder whose name fits ({@link TrialDir}). Options, {@code ;}-separated: {@code settings} (a
 * .jfc file) and {@code dir}; the stack depth is a JVM option ({@link JfrSession#forkJvmArgs}).
 */
public final class JfrProfiler implements InternalProfiler {
    static final String RECORDING = "profile.jfr";

    private final Configuration settings;
    private final Path dir;
    private Recording recording;
    private int measured;

    public JfrProfiler(String options) throws ProfilerException {
        Path settingsFile = null;
        Path out = null;
        for (String part : options.split(";")) {
            if (part.startsWith("settings=")) {
                settingsFile = Path.of(part.substring("settings=".length()));
            } else if (part.startsWith("dir=")) {
                out = Path.of(part.substring("dir=".length()));
            }
        }
        if (settingsFile == null || out == null) {
            throw new ProfilerException("JfrProfiler needs settings=FILE;dir=DIR; it has: " + options);
        }
        try {
            settings = Configuration.create(settingsFile);
        } catch (IOException | ParseException e) {
            throw new ProfilerException("cannot read the JFR settings " + settingsFile + ": " + e.getMessage());
        }
        dir = out;
    }

    @Override
    public String getDescription() {
        return "JFR over the measurement iterations, into a folder per trial that a file name can hold";
    }

    @Override
    public void beforeIteration(BenchmarkParams benchmark, IterationParams iteration) {
        if (iteration.getType() == IterationType.MEASUREMENT && recording == null) {
            recording = new Recording(settings);
            recording.start();
        }
    }

    @Override
    public List<? extends Result> afterIteration(BenchmarkParams benchmark, IterationParams iteration,
                                                 IterationResult result) {
        if (iteration.getType() != IterationType.MEASUREMENT || ++measured < iteration.getCount()) {
            return List.of();
        }
        Path trial = dir.resolve(TrialDir.of(benchmark.id()));
        try (Recording r = recording) {
            r.stop();
            Files.createDirectories(trial);
            r.dump(trial.resolve(RECORDING));
        } catch (IOException e) {
            throw new IllegalStateException("cannot write the JFR recording to " + trial, e);
        }
        return List.of();
    }
}

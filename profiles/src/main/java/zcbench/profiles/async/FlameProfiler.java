package zcbench.profiles.async;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import one.profiler.AsyncProfiler;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.profile.ProfilerException;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.runner.IterationType;

import zcbench.profiles.rows.TrialDir;

/**
 * async-profiler over a trial's measurement iterations, in the fork: started before the first, stopped after the
 * last, its flame graph and collapsed stacks written to {@code dir/<TrialDir>/flame-E-forward.html} and
 * {@code collapsed-E.csv}. What JMH's own async profiler does, but in a folder whose name fits
 * ({@link TrialDir}). Options, {@code ;}-separated: {@code libPath}, {@code event}, {@code interval} (ns, optional),
 * {@code dir}.
 */
public final class FlameProfiler implements InternalProfiler {
    private final AsyncProfiler profiler;
    private final String event;
    private final String interval;
    private final Path dir;
    private boolean started;
    private int measured;

    public FlameProfiler(String options) throws ProfilerException {
        Map<String, String> o = parse(options);
        for (String required : List.of("libPath", "event", "dir")) {
            if (!o.containsKey(required)) {
                throw new ProfilerException("FlameProfiler needs " + required + "=...; it has: " + options);
            }
        }
        event = o.get("event");
        interval = o.getOrDefault("interval", "");
        dir = Path.of(o.get("dir"));
        try {
            profiler = AsyncProfiler.getInstance(o.get("libPath"));
        } catch (RuntimeException | UnsatisfiedLinkError e) {
            throw new ProfilerException("cannot load async-profiler from " + o.get("libPath") + ": " + e);
        }
    }

    /** The files the profiler writes for {@code event}, as {@link FlameSession} collects them. */
    static String flameGraph(String event) {
        return "flame-" + event + "-forward.html";
    }

    static String collapsed(String event) {
        return "collapsed-" + event + ".csv";
    }

    @Override
    public String getDescription() {
        return "async-profiler over the measurement iterations, into a folder per trial that a file name can hold";
    }

    @Override
    public void beforeIteration(BenchmarkParams benchmark, IterationParams iteration) {
        if (iteration.getType() == IterationType.MEASUREMENT && !started) {
            execute("start,event=" + event + (interval.isEmpty() ? "" : ",interval=" + interval));
            started = true;
        }
    }

    @Override
    public List<? extends Result> afterIteration(BenchmarkParams benchmark, IterationParams iteration,
                                                 IterationResult result) {
        if (iteration.getType() != IterationType.MEASUREMENT || ++measured < iteration.getCount()) {
            return List.of();
        }
        execute("stop");
        Path trial = dir.resolve(TrialDir.of(benchmark.id()));
        try {
            Files.createDirectories(trial);
        } catch (IOException e) {
            throw new IllegalStateException("cannot make " + trial + " for the flame graph", e);
        }
        // After stop the samples stay until the next start: each output is a dump of the same profile.
        execute("collapsed,file=" + trial.resolve(collapsed(event)).toAbsolutePath());
        execute("flamegraph,file=" + trial.resolve(flameGraph(event)).toAbsolutePath());
        return List.of();
    }

    private String execute(String command) {
        try {
            return profiler.execute(command);
        } catch (IOException e) {
            throw new IllegalStateException("async-profiler refused '" + command + "': " + e.getMessage(), e);
        }
    }

    private static Map<String, String> parse(String options) {
        Map<String, String> o = new LinkedHashMap<>();
        for (String part : options.split(";")) {
            int eq = part.indexOf('=');
            if (eq > 0) {
                o.put(part.substring(0, eq).strip(), part.substring(eq + 1).strip());
            }
        }
        return o;
    }
}

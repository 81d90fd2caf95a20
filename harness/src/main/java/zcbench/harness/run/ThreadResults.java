package zcbench.harness.run;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.RunResult;

import zcbench.analysis.table.Num;
import zcbench.analysis.table.Units;
import zcbench.vocabulary.Knobs;
import zcbench.vocabulary.ResultFiles;

/**
 * Each sending thread's MB/s in every measured iteration of a row with several: JMH keeps them in memory
 * ({@link IterationResult#getRawPrimaryResults()}, in the order it keeps the threads' results), jmh.json
 * only their sum. threads.csv has a line per fork, iteration and thread.
 *
 * @param mbPerSecond fork, then iteration, then thread
 */
record ThreadResults(List<List<List<Double>>> mbPerSecond) {
    static final String HEADER = "row,fork,iteration,thread,mb_s\n";

    static ThreadResults of(RunResult run) {
        var params = run.getParams();
        double perOp = Units.mibPerOperation(Integer.parseInt(params.getParam(Knobs.BATCH.name())),
                Integer.parseInt(params.getParam(Knobs.PAYLOAD.name())));
        List<List<List<Double>>> forks = new ArrayList<>();
        for (BenchmarkResult fork : run.getBenchmarkResults()) {
            List<List<Double>> iterations = new ArrayList<>();
            for (IterationResult it : fork.getIterationResults()) {
                iterations.add(it.getRawPrimaryResults().stream().map(r -> r.getScore() * perOp).toList());
            }
            forks.add(iterations);
        }
        return new ThreadResults(forks);
    }

    /** Whether the row had more than one sending thread. */
    boolean several() {
        return mbPerSecond.stream().flatMap(List::stream).anyMatch(threads -> threads.size() > 1);
    }

    /** threads.csv's lines for the row, numbered from 1 as JMH numbers forks and iterations. */
    String csv(String rowKey) {
        StringBuilder sb = new StringBuilder();
        for (int f = 0; f < mbPerSecond.size(); f++) {
            List<List<Double>> iterations = mbPerSecond.get(f);
            for (int i = 0; i < iterations.size(); i++) {
                List<Double> threads = iterations.get(i);
                for (int t = 0; t < threads.size(); t++) {
                    // Three decimals, as every MB/s column: a sender starved by the JVM's threads on a
                    // shared CPU may send a few KiB in an iteration, which must not read as 0.
                    sb.append(String.format(Locale.ROOT, "%s,%d,%d,%d,%s%n", rowKey, f + 1, i + 1, t + 1,
                            Num.fixed(threads.get(t), 3)));
                }
            }
        }
        return sb.toString();
    }

    /** Each thread's mean MB/s over the measured iterations. */
    List<Double> meanPerThread() {
        List<List<Double>> all = mbPerSecond.stream().flatMap(List::stream).toList();
        int threads = all.stream().mapToInt(List::size).max().orElse(0);
        List<Double> means = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            means.add(all.stream().filter(it -> it.size() > thread).mapToDouble(it -> it.get(thread)).average()
                    .orElse(Double.NaN));
        }
        return means;
    }

    /** The progress line's: "per thread 19,012; 18,876 MB/s (threads.csv)". */
    String describe() {
        return meanPerThread().stream().map(mb -> String.format("%,.0f", mb)).collect(Collectors.joining("; ",
                "per thread ", " MB/s (" + ResultFiles.THREADS_CSV + ")"));
    }
}

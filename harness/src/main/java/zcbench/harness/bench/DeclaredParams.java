package zcbench.harness.bench;

import java.io.OutputStream;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.openjdk.jmh.runner.BenchmarkList;
import org.openjdk.jmh.runner.BenchmarkListEntry;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * The @Param names and default values of {@link SendBenchmark#send}, as JMH's annotation
 * processor recorded them in this build: what a row can set, read by name so that a knob added
 * to the benchmark needs nothing here.
 */
public final class DeclaredParams {
    /** The benchmark method every run measures, as a JMH include pattern. */
    public static final String SEND = "^" + Pattern.quote(SendBenchmark.class.getName()) + "\\.send$";

    private DeclaredParams() {
    }

    /** Parameter name to its default values, in the order JMH lists them. */
    public static Map<String, List<String>> ofSend() {
        var silent = OutputFormatFactory.createFormatInstance(new PrintStream(OutputStream.nullOutputStream()),
                VerboseMode.SILENT);
        var found = BenchmarkList.defaultList().find(silent, List.of(SEND), List.of());
        if (found.size() != 1) {
            throw new IllegalStateException("this build's benchmark list has " + found.size() + " entries for "
                    + SendBenchmark.class.getSimpleName() + ".send; rebuild benchmarks.jar");
        }
        BenchmarkListEntry entry = found.first();
        Map<String, List<String>> params = new LinkedHashMap<>();
        if (entry.getParams().hasValue()) {
            entry.getParams().get().forEach((name, values) -> params.put(name, List.of(values)));
        }
        return params;
    }
}

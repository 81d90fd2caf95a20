package zcbench.profiles.testbench;

import org.junit.jupiter.api.Assumptions;
import zcbench.profiles.async.KernelAccess;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

import java.util.Collection;
import java.util.function.UnaryOperator;

/** Short JMH runs of the test benchmarks: one fork, one short warm-up, one measured iteration. */
public final class JmhRuns {

    private JmhRuns() {
    }

    public static Collection<RunResult> run(Class<?> benchmark, UnaryOperator<ChainedOptionsBuilder> options)
            throws RunnerException {
        // JMH refuses to start while another JMH holds /tmp/jmh.lock (e.g. a harness run elsewhere on
        // the machine); these runs are a few seconds long and must not fail for that.
        System.setProperty("jmh.ignoreLock", "true");
        ChainedOptionsBuilder builder = new OptionsBuilder()
                .include(benchmark.getName() + ".send")
                .forks(1)
                .warmupIterations(1).warmupTime(TimeValue.milliseconds(300))
                .measurementIterations(1).measurementTime(TimeValue.seconds(1))
                .jvmArgsAppend("--enable-native-access=ALL-UNNAMED")
                .shouldFailOnError(true);
        return new Runner(options.apply(builder).build()).run();
    }

    /** Root (euid 0, as the tests run here) or skip, saying why. */
    public static void assumeRoot(String why) {
        boolean root = KernelAccess.read().euid() == 0;
        Assumptions.assumeTrue(root, "SKIPPED, not root: " + why);
    }
}

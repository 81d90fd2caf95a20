package zcbench.harness.run;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;

import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * Every JMH run of a zcbench run, of a row or of one fork of it, row by row, in rounds or beside the C tools: once a
 * JMH run that is not zcbench's has released JMH's lock ({@link JmhLock}), with its output appended to jmh.log under
 * a header naming the row, so that the log keeps every row (JMH's own -o would truncate the file for each); -v or
 * -o leave it where they say.
 */
final class JmhRuns {
    /** jmh.log's line before each row's output; the row's "[i/n] label, target=..." follows. */
    private static final String LOG_HEADER = "# zcbench row ";

    private final Options user;
    private final Path jmhLog;
    private final boolean verbose;
    private final PrintStream out;
    /** Null when JMH is told to ignore its lock. */
    private final JmhLock lock;

    /**
     * @param out       progress lines, where JMH's report goes with -v
     * @param waitLimit how long a run waits for a JMH run that is not zcbench's to release JMH's lock
     */
    JmhRuns(Options user, Path jmhLog, boolean verbose, PrintStream out, Duration waitLimit) {
        this.user = user;
        this.jmhLog = jmhLog;
        this.verbose = verbose;
        this.out = out;
        this.lock = JmhLock.ignoredByJmh() ? null : new JmhLock(JmhLock.jmhFile(), waitLimit, out);
    }

    /**
     * The results of one JMH run; never empty.
     *
     * @throws Busy when the other JMH run held the lock past the wait limit
     */
    Collection<RunResult> run(Options options, String header) throws RunnerException, Busy {
        if (lock != null) {
            lock.awaitFree();
        }
        Collection<RunResult> finished = logged(options, header);
        if (finished.isEmpty()) {
            throw new RunnerException("JMH returned no result (see jmh.log)");
        }
        return finished;
    }

    private Collection<RunResult> logged(Options options, String header) throws RunnerException {
        if (verbose) {
            return onProgressStream(options);
        }
        if (user.getOutput().hasValue()) {
            return new Runner(options).run();
        }
        try (PrintStream log = new PrintStream(new FileOutputStream(jmhLog.toFile(), true), true,
                StandardCharsets.UTF_8)) {
            log.println(LOG_HEADER + header);
            VerboseMode mode = user.verbosity().orElse(VerboseMode.NORMAL);
            return new Runner(options, OutputFormatFactory.createFormatInstance(log, mode)).run();
        } catch (IOException e) {
            throw new RunnerException("cannot append to " + jmhLog + ": " + e.getMessage(), e);
        }
    }

    /**
     * JMH prints its report to System.out as it is when the Runner is made; with -v that report is progress, so it
     * goes where the progress lines go and stdout keeps the data only.
     */
    private Collection<RunResult> onProgressStream(Options options) throws RunnerException {
        PrintStream stdout = System.out;
        System.setOut(out);
        try {
            return new Runner(options).run();
        } finally {
            System.setOut(stdout);
        }
    }
}

package zcbench.harness.bench;

import java.nio.file.Path;

import org.HdrHistogram.Histogram;

import zcbench.variants.NotificationLatency;
import zcbench.vocabulary.AtomicFile;
import zcbench.vocabulary.ResultFiles;

/**
 * How a fork's notification-latency histograms leave it (knob latency): JMH's secondary results carry
 * scalars only, and percentiles of iterations cannot be averaged, so each sending thread writes its
 * histogram of the fork's measured iterations into the run folder's {@code latency/}, named by the row
 * key, the fork's pid and the thread; analysis adds a row's files up (docs/ARCHITECTURE.md, "Notification
 * latency"). The run folder comes as a system property of the fork; a fork without it (a raw JMH run)
 * prints the percentiles to its output instead.
 */
public final class LatencyOutput {
    /** The fork's system property naming the run folder's {@link ResultFiles#LATENCY_DIR}. */
    public static final String DIR_PROPERTY = "zcbench.latency.dir";

    private LatencyOutput() {
    }

    /** The fork JVM argument that sends histograms to {@code runDir}'s latency folder. */
    public static String forkJvmArg(Path runDir) {
        return "-D" + DIR_PROPERTY + "=" + runDir.resolve(ResultFiles.LATENCY_DIR).toAbsolutePath();
    }

    static void write(String rowKey, int thread, NotificationLatency latency) {
        String dir = System.getProperty(DIR_PROPERTY);
        if (dir == null) {
            Histogram h = latency.histogram();
            if (h.getTotalCount() == 0) {
                // HdrHistogram answers 0 for an empty histogram's percentiles: no time is printed as none.
                System.out.printf("zcbench notification latency, thread %d: no send was timed%n", thread);
                return;
            }
            System.out.printf("zcbench notification latency, thread %d: %d sends, p50 %.1f us, p99 %.1f us,"
                    + " max %.1f us%n", thread, h.getTotalCount(), h.getValueAtPercentile(50) / 1e3,
                    h.getValueAtPercentile(99) / 1e3, h.getMaxValue() / 1e3);
            return;
        }
        String name = rowKey + "." + ProcessHandle.current().pid() + "." + thread + ResultFiles.LATENCY_SUFFIX;
        AtomicFile.write(Path.of(dir).resolve(name), latency.encoded() + "\n");
    }
}

package zcbench.profiles.async;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What a flame-graph run produced, and what the user must be told about it.
 *
 * @param summary profile-summary.csv, or null (only {@code --flame cpu} writes one)
 */
public record FlameReport(Preflight preflight, List<FlameRow> rows, Path summary) {

    public FlameReport {
        rows = List.copyOf(rows);
    }

    /**
     * Lines to print after the run: rows without graphs, empty graphs, and graphs without the
     * kernel frames the user asked for (saying why), so that none is handed out silently.
     */
    public List<String> warnings() {
        List<String> warnings = new ArrayList<>();
        if (preflight.mode() == FlameMode.CPU && !preflight.kernelFrames()) {
            warnings.add("flame graphs have NO kernel frames: " + preflight.reason());
        }
        for (FlameRow r : rows) {
            if (r.html() == null || r.collapsed() == null) {
                warnings.add(r.name() + ": async-profiler wrote no " + (r.html() == null ? "flame graph" : "collapsed stacks")
                        + " for this row (see the fork's output)");
            } else if (r.samples() == 0) {
                warnings.add(r.name() + ": the profile is empty (0 samples)");
            } else if (preflight.kernelFrames() && !r.kernelFrames()) {
                warnings.add(r.name() + ": no kernel frames although perf events should allow them"
                        + " (perf_event_open blocked, e.g. by seccomp in a container?); the graph shows user space only");
            }
        }
        return warnings;
    }
}

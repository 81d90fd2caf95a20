package zcbench.profiles.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import zcbench.profiles.diff.DiffInputs;
import zcbench.profiles.diff.FlameDiff;
import zcbench.profiles.diff.FrameDelta;
import zcbench.profiles.rows.TrialFiles;
import zcbench.profiles.summary.Category;
import zcbench.profiles.summary.CollapsedProfile;
import zcbench.profiles.summary.ProfileSummary;
import zcbench.vocabulary.ResultFiles;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code zcbench flame-diff A B}: which frames grew and shrank between two profiles. */
@Command(name = "flame-diff", mixinStandardHelpOptions = true,
        description = {"Compare two CPU profiles: two rows, or one row in two runs.",
                "A and B are collapsed-stack files (flame/<row>.cpu.collapsed) or two folders of them "
                        + "(two runs' flame/), paired by file name.",
                "Writes per pair <name>.diff.csv (every frame's self and total share of A's and B's samples, "
                        + "in percent, and the change in percentage points) and <name>.diff.html (a differential "
                        + "flame graph of B: red grew, blue shrank), and prints the category shares and the "
                        + "frames that changed most."})
public final class FlameDiffCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "A", description = "the baseline: a collapsed file or a folder of them")
    Path a;

    @Parameters(index = "1", paramLabel = "B", description = "compared with A: a collapsed file or a folder of them")
    Path b;

    @Option(names = "--out", paramLabel = "DIR",
            description = "folder for the results (default: flame-diff-<yyyyMMdd-HHmmss> in the current folder)")
    Path out;

    @Option(names = "--top", paramLabel = "N", defaultValue = "15",
            description = "frames to print that grew, and that shrank, most (default: ${DEFAULT-VALUE})")
    int top;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter stdout = spec.commandLine().getOut();
        List<DiffInputs.Pair> pairs;
        try {
            pairs = DiffInputs.pairs(a, b);
        } catch (IllegalArgumentException e) {
            spec.commandLine().getErr().println("flame-diff: " + e.getMessage());
            return 2;
        }
        Path dir = out != null ? out
                : Path.of("flame-diff-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
        Files.createDirectories(dir);
        for (DiffInputs.Pair pair : pairs) {
            CollapsedProfile pa = CollapsedProfile.read(pair.a());
            CollapsedProfile pb = CollapsedProfile.read(pair.b());
            List<FrameDelta> deltas = FlameDiff.frames(pa, pb);
            String stem = TrialFiles.freeStem(dir, pair.name(), List.of(ResultFiles.DIFF_CSV_SUFFIX,
                    ResultFiles.DIFF_HTML_SUFFIX));
            Path csv = dir.resolve(stem + ResultFiles.DIFF_CSV_SUFFIX);
            Path html = dir.resolve(stem + ResultFiles.DIFF_HTML_SUFFIX);
            FlameDiff.writeCsv(csv, deltas, pair.name());
            FlameDiff.writeHtml(pair.a(), pair.b(), html, pair.name() + ": " + pair.b() + " vs " + pair.a());
            stdout.printf("== %s%n   A %s (%d samples)%n   B %s (%d samples)%n",
                    pair.name(), pair.a(), pa.total(), pair.b(), pb.total());
            printCategories(stdout, pa, pb);
            printFrames(stdout, "grew", deltas.stream().filter(d -> d.selfDelta() > 0).limit(top).toList());
            printFrames(stdout, "shrank", deltas.stream().filter(d -> d.selfDelta() < 0).limit(top).toList());
            // The comparison is the data; which files hold it is progress (flame-diff A B > diff.txt).
            spec.commandLine().getErr().printf("wrote %s and %s (differential flame graph)%n", csv, html);
        }
        stdout.flush();
        spec.commandLine().getErr().flush();
        return 0;
    }

    private static void printCategories(PrintWriter out, CollapsedProfile pa, CollapsedProfile pb) {
        ProfileSummary sa = ProfileSummary.of("A", Map.of(), pa);
        ProfileSummary sb = ProfileSummary.of("B", Map.of(), pb);
        if (!sa.kernelFrames() || !sb.kernelFrames()) {
            out.println("   note: " + (sa.kernelFrames() ? "B" : sb.kernelFrames() ? "A" : "A and B")
                    + " has no kernel frames, so its kernel time counts as user");
        }
        out.printf("   %-16s %8s %8s %8s%n", "category", "A %", "B %", "B-A pp");
        for (Category c : Category.values()) {
            out.printf(Locale.ROOT, "   %-16s %8.2f %8.2f %+8.2f%n", c.column(), sa.pct(c), sb.pct(c), sb.pct(c) - sa.pct(c));
        }
    }

    private static void printFrames(PrintWriter out, String what, List<FrameDelta> deltas) {
        if (deltas.isEmpty()) {
            return;
        }
        out.printf("   frames that %s most (self %% of samples):%n", what);
        for (FrameDelta d : deltas) {
            out.printf(Locale.ROOT, "   %+7.2f pp  %6.2f -> %6.2f  %s%n", d.selfDelta(), d.selfA(), d.selfB(), d.frame());
        }
    }
}

package zcbench.analysis.report;

import java.util.List;
import java.util.Optional;

import zcbench.analysis.crossover.CrossoverCsv;
import zcbench.analysis.crossover.CrossoverText;
import zcbench.analysis.pairs.PairsCsv;
import zcbench.analysis.pairs.PairsTable;
import zcbench.analysis.profile.RunProfiles;
import zcbench.analysis.table.SpeedupCsv;
import zcbench.analysis.table.SpeedupMarkdown;
import zcbench.vocabulary.ResultFiles;

/** Every file a run's report writes, in the order written (docs/ARCHITECTURE.md, "What a run writes"). */
public final class RunOutputs {
    public static final RunOutput SPEEDUP_CSV = new RunOutput.Of(ResultFiles.SPEEDUP_CSV,
            run -> Optional.of(SpeedupCsv.render(run.table())));
    public static final RunOutput SPEEDUP_MD = new RunOutput.Of(ResultFiles.SPEEDUP_MD,
            run -> Optional.of(SpeedupMarkdown.render(run.table(), PairsTable.markdown(run.pairs()))
                    + sweepMarkdown(run)));
    public static final RunOutput REPORT_HTML = new RunOutput.Of(ResultFiles.REPORT_HTML,
            run -> Optional.of(ReportHtml.render(run, RunProfiles.of(run.table()))));
    public static final RunOutput PAIRS_CSV = new RunOutput.Of(ResultFiles.PAIRS_CSV,
            run -> run.pairs().isEmpty() ? Optional.empty() : Optional.of(PairsCsv.render(run.pairs())));
    public static final RunOutput CROSSOVER_CSV = new RunOutput.Of(ResultFiles.CROSSOVER_CSV,
            run -> run.crossovers().isEmpty() ? Optional.empty() : Optional.of(CrossoverCsv.render(run.crossovers())));

    public static final List<RunOutput> ALL = List.of(SPEEDUP_CSV, SPEEDUP_MD, REPORT_HTML, PAIRS_CSV, CROSSOVER_CSV);

    private RunOutputs() {
    }

    /** The crossover sentences and the v5 table after speedup.md's own; empty for a run with neither. */
    private static String sweepMarkdown(RunAnalysis run) {
        StringBuilder md = new StringBuilder();
        CrossoverText.sentences(run.crossovers()).forEach(s -> md.append("\n**").append(s).append("**\n"));
        run.v5().ifPresent(t -> md.append(t.markdown()));
        return md.toString();
    }
}

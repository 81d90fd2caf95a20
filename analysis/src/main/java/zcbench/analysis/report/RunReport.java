package zcbench.analysis.report;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import zcbench.analysis.crossover.Crossover;
import zcbench.analysis.crossover.CrossoverText;
import zcbench.analysis.pairs.PairsTable;
import zcbench.analysis.pairs.RowPair;
import zcbench.analysis.table.SpeedupTable;
import zcbench.analysis.table.SpeedupText;
import zcbench.analysis.table.TextTable;
import zcbench.analysis.v5.V5Table;

/** What {@link RunReports} wrote: what it was rendered from, and the files holding it. */
public record RunReport(RunAnalysis analysis, List<Path> files) {
    private static final int WRAP = 100;

    public SpeedupTable table() {
        return analysis.table();
    }

    public List<RowPair> pairs() {
        return analysis.pairs();
    }

    public List<Crossover> crossovers() {
        return analysis.crossovers();
    }

    public Optional<V5Table> v5() {
        return analysis.v5();
    }

    /** The table for the terminal, shaped like the RFC's, then the row pairs; then the crossovers and v5. */
    public String renderText() {
        StringBuilder out = new StringBuilder(SpeedupText.render(table(), PairsTable.text(pairs())));
        CrossoverText.sentences(crossovers()).forEach(s -> out.append("\n").append(TextTable.wrap(s, WRAP, "  ")));
        v5().ifPresent(t -> out.append(t.text()));
        return out.toString();
    }
}

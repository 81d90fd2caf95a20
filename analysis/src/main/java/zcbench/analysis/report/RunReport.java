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

/**
 * What {@link RunReports} wrote: the table, its row pairs, the crossovers of a run that sweeps payloads, plan
 * v5's table beside the letter's, and the files holding them.
 */
public record RunReport(SpeedupTable table, List<RowPair> pairs, List<Crossover> crossovers, Optional<V5Table> v5,
        List<Path> files) {
    private static final int WRAP = 100;

    /** The table for the terminal, shaped like the RFC's, then the row pairs; then the crossovers and v5. */
    public String renderText() {
        StringBuilder out = new StringBuilder(SpeedupText.render(table, PairsTable.text(pairs)));
        CrossoverText.sentences(crossovers).forEach(s -> out.append("\n").append(TextTable.wrap(s, WRAP, "  ")));
        v5.ifPresent(t -> out.append(t.text()));
        return out.toString();
    }
}

package zcbench.analysis.report;

import java.nio.file.Path;
import java.util.List;
import zcbench.analysis.pairs.PairsTable;
import zcbench.analysis.pairs.RowPair;
import zcbench.analysis.table.SpeedupTable;
import zcbench.analysis.table.SpeedupText;

/** What {@link RunReports} wrote: the table, its row pairs and the files holding them. */
public record RunReport(SpeedupTable table, List<RowPair> pairs, List<Path> files) {

    /** The table for the terminal, shaped like the RFC's, then the row pairs. */
    public String renderText() {
        return SpeedupText.render(table, PairsTable.text(pairs));
    }
}

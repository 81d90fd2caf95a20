package zcbench.analysis.report;

import java.nio.file.Path;
import java.util.List;
import zcbench.analysis.table.SpeedupTable;
import zcbench.analysis.table.SpeedupText;

/** What {@link RunReports} wrote: the table and the files holding it. */
public record RunReport(SpeedupTable table, List<Path> files) {

    /** The table for the terminal, shaped like the RFC's. */
    public String renderText() {
        return SpeedupText.render(table);
    }
}

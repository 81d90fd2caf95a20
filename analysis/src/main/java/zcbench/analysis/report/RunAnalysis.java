package zcbench.analysis.report;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import zcbench.analysis.crossover.Crossover;
import zcbench.analysis.crossover.Crossovers;
import zcbench.analysis.jmh.Run;
import zcbench.analysis.pairs.RowPair;
import zcbench.analysis.pairs.RowPairs;
import zcbench.analysis.table.SpeedupTable;
import zcbench.analysis.v5.V5Table;

/**
 * What a run's outputs are rendered from, worked out once: the speedup table, its row pairs, the crossovers of a
 * payload sweep, plan v5's table beside the letter's, and the folder the outputs go to (report.html links the
 * flame graphs there).
 */
public record RunAnalysis(SpeedupTable table, List<RowPair> pairs, List<Crossover> crossovers, Optional<V5Table> v5,
                          Path dir) {
    public RunAnalysis {
        pairs = List.copyOf(pairs);
        crossovers = List.copyOf(crossovers);
    }

    /** Reads the run and works everything out against {@code baseline}; bad input fails before anything is written. */
    public static RunAnalysis of(Run run, String baseline, Path dir) {
        SpeedupTable table = SpeedupTable.of(run, baseline);
        return new RunAnalysis(table, RowPairs.of(table), Crossovers.of(table), V5Table.of(table), dir);
    }
}

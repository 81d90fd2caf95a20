package zcbench.analysis.profile;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import zcbench.analysis.table.SpeedupRow;
import zcbench.analysis.table.SpeedupTable;

/**
 * What the profiles module left in a run folder beside jmh.json: flame graphs and profile-summary.csv.
 * Both are optional; a run without them reports as before.
 *
 * @param notes what could not be read, to show under the tables
 */
public record RunProfiles(FlameGraphs flames, Optional<ProfileSummaryFile> summary, List<String> notes) {

    public static RunProfiles of(SpeedupTable table) {
        Path dir = table.run().dir();
        List<String> notes = new ArrayList<>();
        Optional<ProfileSummaryFile> summary = ProfileSummaryFile.read(dir, notes);
        FlameGraphs flames = FlameGraphs.find(dir, table.rows().stream().map(SpeedupRow::row).toList(), summary);
        return new RunProfiles(flames, summary, List.copyOf(notes));
    }
}

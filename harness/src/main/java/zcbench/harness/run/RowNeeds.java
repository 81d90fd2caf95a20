package zcbench.harness.run;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import zcbench.harness.targets.Destination;
import zcbench.variants.Requirements;
import zcbench.variants.SendConfig;
import zcbench.vocabulary.Row;

/** Which rows this machine and target cannot measure, and why (docs/ARCHITECTURE.md, "Skipped rows"). */
public final class RowNeeds {
    private RowNeeds() {
    }

    /**
     * What the row needs that {@code machine} lacks, or why {@code target} cannot take it (TCP to the
     * sink, IPv6 to an IPv4 receiver); nothing for a row the fork will refuse with its own reason.
     */
    public static Optional<String> of(Row row, String target, Requirements.Machine machine) {
        SendConfig config;
        try {
            config = SendConfig.of(row::value);
        } catch (IllegalArgumentException refusedInTheFork) {
            return Optional.empty();
        }
        return Destination.refusal(target, config.ip(), config.protocol())
                .or(() -> Requirements.unmet(config, machine));
    }

    /**
     * {@link #of} of every row, in order: empty for a row that runs. Asked as a run starts, for its time
     * estimates; each row is asked again just before it.
     */
    public static List<Optional<String>> of(List<Row> rows, String target, Requirements.Machine machine) {
        return rows.stream().map(r -> of(r, target, machine)).toList();
    }

    /** How many of the rows run here: those that need nothing. */
    public static int running(List<Optional<String>> needs) {
        return (int) needs.stream().filter(Optional::isEmpty).count();
    }

    /** "152 rows on sink", with "(4 skipped here)" when some cannot run on this machine or target. */
    public static String rowsOn(int rows, int running, String target) {
        String skipped = running == rows ? "" : running == 0 ? " (all skipped here)"
                : " (" + (rows - running) + " skipped here)";
        return rows + (rows == 1 ? " row" : " rows") + " on " + target + skipped;
    }

    /**
     * The one sentence for a run none of whose rows can run here, each reason once, with how many rows it
     * stops when there are several; empty when a row runs (or there are none). Such a run is a usage error:
     * it could measure nothing, so it makes nothing.
     */
    public static Optional<String> noneRuns(List<Optional<String>> needs, String target) {
        if (needs.isEmpty() || running(needs) > 0) {
            return Optional.empty();
        }
        Map<String, Long> reasons = needs.stream().map(Optional::orElseThrow)
                .collect(Collectors.groupingBy(r -> r, LinkedHashMap::new, Collectors.counting()));
        String why = reasons.size() == 1 ? reasons.keySet().iterator().next()
                : reasons.entrySet().stream().map(e -> e.getKey() + " (" + e.getValue()
                        + (e.getValue() == 1 ? " row)" : " rows)")).collect(Collectors.joining("; "));
        int n = needs.size();
        return Optional.of((n == 1 ? "the one row asked for cannot run on " : "none of the " + n
                + " rows asked for can run on ") + target + ": " + why);
    }
}

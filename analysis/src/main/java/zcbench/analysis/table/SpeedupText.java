package zcbench.analysis.table;

import java.util.ArrayList;
import java.util.List;

/**
 * The table for the terminal, shaped like the RFC's, one block per payload and target. A run that is not a
 * measurement says so first; the noise summary comes last.
 */
public final class SpeedupText {
    private static final int WRAP = 100;

    private SpeedupText() {
    }

    public static String render(SpeedupTable table) {
        return render(table, "");
    }

    /** @param sections more blocks of the same run (its row pairs), after the tables and before the notes */
    public static String render(SpeedupTable table, String sections) {
        StringBuilder out = new StringBuilder();
        table.run().notAMeasurement().ifPresent(n -> out.append(TextTable.wrap(n, WRAP, "  ")).append("\n"));
        out.append(table.run().name()).append(": ").append(Cells.heading(table)).append("\n");
        List<String> headers = Cells.headers(table);
        List<List<String>> all = new ArrayList<>(List.of(headers));
        table.rows().forEach(r -> all.add(Cells.of(table, r)));
        int[] widths = TextTable.widths(all); // one width for all blocks, so that they line up
        for (SpeedupTable.Group g : table.groups()) {
            out.append("\n").append(g.title()).append("\n");
            List<List<String>> lines = new ArrayList<>(List.of(headers));
            g.rows().forEach(r -> lines.add(Cells.of(table, r)));
            out.append(TextTable.render(lines, Cells.numeric(table), widths));
        }
        side(out, SideTables.EVENTS, SideTables.events(table));
        side(out, SideTables.LATENCY, SideTables.latency(table));
        out.append(sections).append("\n");
        table.copiedWarning().ifPresent(w -> out.append(TextTable.wrap("* " + w, WRAP, "  ")));
        table.undeliveredWarning().ifPresent(w -> out.append(TextTable.wrap("* " + w, WRAP, "  ")));
        Cells.notes(table).forEach(n -> out.append(TextTable.wrap("* " + n, WRAP, "  ")));
        if (table.measurement()) {
            out.append("\n").append(TextTable.wrap(Headline.of(table), WRAP, "  "));
        }
        return out.toString();
    }

    private static void side(StringBuilder out, SideTables.Title title, List<List<String>> lines) {
        if (!lines.isEmpty()) {
            out.append("\n").append(TextTable.wrap(title.heading() + ": " + title.caption(), WRAP, ""))
                    .append(TextTable.render(lines, SideTables.numeric(lines)));
        }
    }
}

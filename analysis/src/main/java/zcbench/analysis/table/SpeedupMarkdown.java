package zcbench.analysis.table;

import java.util.List;
import java.util.stream.Collectors;

/**
 * speedup.md: the table shaped like the RFC's, one per payload and target, for a mailing-list post. Its first
 * line is the headline (or, for a run that is not a measurement, says so).
 */
public final class SpeedupMarkdown {
    private SpeedupMarkdown() {
    }

    public static String render(SpeedupTable table) {
        return render(table, "");
    }

    /**
     * @param sections more sections of the same run (its row pairs), after the tables (the side tables of kernel
     *                 events and latency among them) and before the notes
     */
    public static String render(SpeedupTable table, String sections) {
        StringBuilder md = new StringBuilder("**").append(Headline.of(table)).append("**\n\n")
                .append("# zcbench speedup table: ").append(table.run().name()).append("\n\n")
                .append(Cells.heading(table)).append("\n");
        for (SpeedupTable.Group g : table.groups()) {
            md.append("\n## ").append(g.title()).append("\n\n")
                    .append(line(Cells.headers(table).stream().map(h -> h.equals("no") ? "№" : h).toList()))
                    .append(line(Cells.numeric(table).stream().map(n -> n ? "---:" : "---").toList()));
            for (SpeedupRow r : g.rows()) {
                List<String> cells = Cells.of(table, r);
                md.append(line(r.copiedZeroCopy() ? cells.stream().map(c -> "**" + c + "**").toList() : cells));
            }
        }
        side(md, SideTables.EVENTS, SideTables.events(table));
        side(md, SideTables.LATENCY, SideTables.latency(table));
        md.append(sections).append("\n");
        table.copiedWarning().ifPresent(w -> md.append("- **").append(w).append("**\n"));
        table.undeliveredWarning().ifPresent(w -> md.append("- **").append(w).append("**\n"));
        md.append(table.noisyRows().isEmpty() ? "- " : "- **").append(table.noiseSummary())
                .append(table.noisyRows().isEmpty() ? "\n" : "**\n");
        Cells.notes(table).forEach(n -> md.append("- ").append(n).append("\n"));
        return md.toString();
    }

    /** A table beside the speedup table (SideTables) as a section of its own; nothing without lines. */
    private static void side(StringBuilder md, SideTables.Title title, List<List<String>> lines) {
        if (lines.isEmpty()) {
            return;
        }
        md.append("\n## ").append(title.heading()).append("\n\n").append(title.caption()).append("\n\n")
                .append(line(lines.getFirst()))
                .append(line(SideTables.numeric(lines).stream().map(n -> n ? "---:" : "---").toList()));
        lines.subList(1, lines.size()).forEach(l -> md.append(line(l)));
    }

    /** One Markdown table line, a "|" in a cell escaped. */
    public static String line(List<String> cells) {
        return cells.stream().map(c -> c.replace("|", "\\|")).collect(Collectors.joining(" | ", "| ", " |\n"));
    }
}

package zcbench.analysis.table;

import java.util.List;

/**
 * A figure as a table shows it and the marks that stand beside it: words in text and Markdown, badges in HTML.
 *
 * @param marks in {@link Mark}'s order
 */
public record Cell(String text, List<Mark> marks) {

    public Cell {
        marks = List.copyOf(marks);
    }

    /** A cell that no mark stands beside. */
    public static Cell plain(String text) {
        return new Cell(text, List.of());
    }

    /** "5509 (14.5%) NOISY": the figure, then each mark after a space. */
    public String shown() {
        return text + Mark.suffix(marks);
    }
}

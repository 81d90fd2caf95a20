package zcbench.analysis.table;

import java.util.List;

/** Aligned plain-text columns and wrapped notes, for terminal output. */
public final class TextTable {
    private TextTable() {
    }

    /** The width of each column: its longest cell in any of lines. */
    public static int[] widths(List<List<String>> lines) {
        int[] width = new int[lines.getFirst().size()];
        lines.forEach(l -> {
            for (int i = 0; i < width.length; i++) {
                width[i] = Math.max(width[i], l.get(i).length());
            }
        });
        return width;
    }

    /** Numeric columns are right-aligned, the others left-aligned. */
    public static String render(List<List<String>> lines, List<Boolean> numeric) {
        return render(lines, numeric, widths(lines));
    }

    public static String render(List<List<String>> lines, List<Boolean> numeric, int[] width) {
        StringBuilder out = new StringBuilder();
        for (List<String> l : lines) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < width.length; i++) {
                String pad = " ".repeat(width[i] - l.get(i).length());
                line.append(i == 0 ? " " : "  ").append(numeric.get(i) ? pad + l.get(i) : l.get(i) + pad);
            }
            out.append(line.toString().stripTrailing()).append("\n");
        }
        return out.toString();
    }

    /** Wraps text at spaces to lines of at most width characters, continuation lines indented. */
    public static String wrap(String text, int width, String indent) {
        StringBuilder out = new StringBuilder();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            if (!line.isEmpty() && line.length() + 1 + word.length() > width) {
                out.append(line).append("\n");
                line.setLength(0);
                line.append(indent);
            }
            if (!line.isEmpty() && !line.toString().equals(indent)) {
                line.append(" ");
            }
            line.append(word);
        }
        return out.append(line).append("\n").toString();
    }
}

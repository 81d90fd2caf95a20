package zcbench.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import zcbench.analysis.compare.CompareCsv;
import zcbench.analysis.crossover.CrossoverCsv;
import zcbench.analysis.pairs.PairsCsv;
import zcbench.analysis.table.SpeedupCsv;
import zcbench.vocabulary.Knobs;

/**
 * docs/COLUMNS.md defines each file's columns in a list under the file's heading, one item per column (or per
 * group of columns named together), in the file's own order: so a column added, moved or renamed in the code
 * shows up here until the doc follows. A knob's column is the knob's value, which docs/KNOBS.md documents (its own
 * test sees to that): COLUMNS.md may leave a knob added since out of its lists, never put one out of place.
 */
class ColumnsDocTest {
    /** Tests run in the module's folder; the doc lives in the repository's docs/. */
    private static final Path DOC = Path.of("..", "docs", "COLUMNS.md");
    private static final Pattern NAME = Pattern.compile("`([a-z][a-z0-9_]*)`");

    @Test
    void eachFilesListNamesItsColumnsInTheFilesOrder() throws IOException {
        List<String> lines = Files.readAllLines(DOC);
        assertListed(SpeedupCsv.columnNames(), listed(lines, "## speedup.csv"));
        assertListed(PairsCsv.COLUMNS, listed(lines, "## pairs.csv"));
        assertListed(CompareCsv.COLUMNS, listed(lines, "## compare.csv"));
        assertListed(CrossoverCsv.COLUMNS, listed(lines, "## crossover.csv"));
    }

    /** Every column listed, in order, but a knob's that the list leaves out (KNOBS.md has it). */
    private static void assertListed(List<String> columns, List<String> listed) {
        assertEquals(columns.stream().filter(c -> listed.contains(c) || Knobs.of(c).isEmpty()).toList(), listed);
    }

    /** The column names each list item under {@code heading} opens with, before its ": ". */
    private static List<String> listed(List<String> lines, String heading) {
        int start = lines.indexOf(heading);
        assertTrue(start >= 0, "COLUMNS.md has a section " + heading);
        List<String> items = new ArrayList<>();
        for (String line : lines.subList(start + 1, lines.size())) {
            if (line.startsWith("## ")) {
                break;
            }
            if (line.startsWith("- `")) {
                items.add(line.substring(2));
            } else if (line.startsWith("  ") && !items.isEmpty()) {
                items.set(items.size() - 1, items.getLast() + " " + line.strip());
            }
        }
        List<String> names = new ArrayList<>();
        for (String item : items) {
            int end = item.indexOf("`: ");
            assertTrue(end > 0, "an item of " + heading + " opens with its columns and ': ': " + item);
            Matcher m = NAME.matcher(item.substring(0, end + 1));
            while (m.find()) {
                names.add(m.group(1));
            }
        }
        return names;
    }
}

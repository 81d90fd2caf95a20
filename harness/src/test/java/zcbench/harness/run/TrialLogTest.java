package zcbench.harness.run;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import zcbench.vocabulary.ResultFiles;

/** trials.csv's columns are the ones docs/COLUMNS.md documents under its own heading. */
class TrialLogTest {

    @Test
    void everyColumnOfTrialsCsvIsDocumentedInColumnsMd() throws IOException {
        String doc = Files.readString(Path.of("..", "docs", "COLUMNS.md"));
        String heading = "## " + ResultFiles.TRIALS_CSV + "\n";
        assertTrue(doc.contains(heading), "COLUMNS.md has a section " + heading);
        String section = doc.substring(doc.indexOf(heading) + heading.length());
        section = section.contains("\n## ") ? section.substring(0, section.indexOf("\n## ")) : section;
        // Each item of the list names one column or several ("`start`, `end`") before its colon.
        List<String> documented = section.lines().filter(l -> l.startsWith("- `"))
                .map(l -> l.substring(2, l.indexOf(':')))
                .flatMap(cell -> Pattern.compile("`([a-z_]+)`").matcher(cell).results().map(m -> m.group(1)))
                .toList();
        List<String> columns = List.of(TrialLog.HEADER.strip().split(","));
        assertTrue(documented.equals(columns), "documented " + documented + ", written " + columns);
    }
}

package zcbench.profiles.summary;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** CATEGORIES.md has a table row for every category, listing every pattern Category defines for it. */
class CategoriesDocTest {

    @Test
    void documentsEveryCategoryAndPattern() throws Exception {
        var lines = Files.readAllLines(Path.of("CATEGORIES.md"));
        for (Category c : Category.values()) {
            String row = lines.stream().filter(l -> l.startsWith("| `" + c.column() + "_pct` |")).findFirst()
                    .orElseThrow(() -> new AssertionError("CATEGORIES.md has no row for " + c.column()));
            for (String pattern : c.patterns()) {
                assertTrue(row.contains("`" + pattern.replace("|", "\\|") + "`"),
                        "CATEGORIES.md's row for " + c.column() + " lacks the pattern " + pattern);
            }
        }
    }
}

package zcbench.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import zcbench.vocabulary.Knob;
import zcbench.vocabulary.Knobs;

/**
 * docs/KNOBS.md, the one knob reference, says what {@link Knobs} and the declarations of every variant in the jar
 * (here, where the netty module's are on the class path too) say: its table
 * has a line per knob of {@link Knobs#ALL} with the knob's values, default(s) and variants, and no other line; each knob has a
 * section of its own, and a section quotes the knob's meaning (what env.json records) where it has one.
 */
class KnobsDocTest {
    /** Tests run in the module's folder; the reference lives in the repository's docs/. */
    private static final Path DOC = Path.of("..", "docs", "KNOBS.md");
    private static final String TABLE_HEADER = "| knob | values | default | means something for |";
    private static final String SECTION = "### `";
    private static final List<String> NAMES = Knobs.ALL.stream().map(Knob::name).toList();

    @Test
    void theTableHasExactlyOneLinePerKnobSayingWhatKnobsSays() throws IOException {
        List<String> table = table(Files.readAllLines(DOC));
        Map<String, String> byName = table.stream()
                .collect(Collectors.toMap(KnobsDocTest::nameOf, Function.identity(), (a, b) -> {
                    throw new AssertionError("KNOBS.md's table has two lines for one knob: " + a + " / " + b);
                }));
        for (Knob knob : Knobs.ALL) {
            assertEquals(expectedLine(knob), byName.get(knob.name()), "KNOBS.md's line for " + knob.name());
        }
        assertEquals(NAMES, table.stream().map(KnobsDocTest::nameOf).toList(),
                "KNOBS.md's table lists every knob of Knobs.ALL, in its order, and nothing else");
    }

    @Test
    void everyKnobHasASectionQuotingItsMeaningAndNoSectionIsForAnUnknownKnob() throws IOException {
        List<String> lines = Files.readAllLines(DOC);
        List<String> headed = lines.stream().filter(l -> l.startsWith(SECTION))
                .map(l -> l.substring(SECTION.length(), l.lastIndexOf('`'))).toList();
        assertEquals(NAMES, headed, "KNOBS.md's '### `knob`' sections, in Knobs.ALL's order");
        for (Knob knob : Knobs.ALL) {
            String section = flowed(section(lines, knob.name()));
            if (!knob.meaning().isEmpty()) {
                assertTrue(section.contains("env.json says: " + knob.meaning()),
                        "KNOBS.md's section on " + knob.name() + " quotes its meaning: " + knob.meaning());
            } else {
                assertFalse(section.contains("env.json says:"),
                        "KNOBS.md quotes a meaning " + knob.name() + " does not have");
            }
        }
    }

    private static String expectedLine(Knob knob) {
        return "| `" + knob.name() + "` | `" + knob.values().summary().replace("|", "\\|") + "` | `"
                + String.join(", ", knob.defaults()) + "` | " + Knobs.variantsOf(knob) + " |";
    }

    /** The lines of the table under {@link #TABLE_HEADER}, its separator line left out. */
    private static List<String> table(List<String> lines) {
        int header = lines.indexOf(TABLE_HEADER);
        assertTrue(header >= 0, "KNOBS.md has the table headed " + TABLE_HEADER);
        List<String> rows = new ArrayList<>();
        for (String line : lines.subList(header + 2, lines.size())) {
            if (!line.startsWith("|")) {
                break;
            }
            rows.add(line);
        }
        return rows;
    }

    private static String nameOf(String tableLine) {
        String first = tableLine.split("\\|")[1].strip();
        return first.startsWith("`") && first.endsWith("`") ? first.substring(1, first.length() - 1) : first;
    }

    /** The lines from the knob's heading to the next heading. */
    private static List<String> section(List<String> lines, String knob) {
        int start = lines.indexOf(SECTION + knob + "`");
        Optional<Integer> end = IntStream.range(start + 1, lines.size())
                .filter(i -> lines.get(i).startsWith("#")).boxed().findFirst();
        return lines.subList(start + 1, end.orElse(lines.size()));
    }

    /** The text with every line break and run of spaces as one space, so that the doc may wrap a quotation. */
    private static String flowed(List<String> lines) {
        return String.join(" ", lines).replaceAll("\\s+", " ");
    }
}

package zcbench.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.FileVisitResult;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every relative link in the project's Markdown (README.md, docs/, and the documents beside the modules)
 * leads to a file that exists, and a link with {@code #anchor} to a heading that the file has, named as
 * GitHub names a heading's anchor.
 */
class DocLinksTest {
    /** Tests run in the module's folder, one below the repository's root. */
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    /** Build output, run results and git's own files hold no documentation of the project. */
    private static final Set<String> NOT_DOCS = Set.of("target", "results", ".git");
    private static final Pattern LINK = Pattern.compile("\\[[^\\]]*\\]\\(([^)\\s]+)(?:\\s+\"[^\"]*\")?\\)");
    private static final Pattern CODE_SPAN = Pattern.compile("`[^`]*`");
    private static final Pattern HEADING = Pattern.compile("^#{1,6}\\s+(.*?)\\s*#*\\s*$");

    @Test
    void everyRelativeLinkLeadsToAFileAndEveryAnchorToAHeading() throws IOException {
        List<Path> docs = markdownFiles();
        assertTrue(docs.contains(ROOT.resolve("README.md")), "found README.md among " + docs);
        assertTrue(docs.contains(ROOT.resolve("docs/KNOBS.md")), "found docs/KNOBS.md among " + docs);
        List<String> broken = new ArrayList<>();
        int checked = 0;
        for (Path doc : docs) {
            for (String target : links(doc)) {
                if (target.matches("^[a-zA-Z][a-zA-Z0-9+.-]*:.*")) {
                    continue; // https:, mailto: and the like: not the repository's
                }
                checked++;
                String problem = problem(doc, target);
                if (problem != null) {
                    broken.add(ROOT.relativize(doc) + ": (" + target + ") " + problem);
                }
            }
        }
        assertTrue(checked > 50, "the project's Markdown has relative links to check, found " + checked);
        assertEquals(List.of(), broken, "links that lead nowhere");
    }

    @Test
    void anchorsAreNamedAsGitHubNamesThem() {
        assertEquals("kernel-events---events", anchor("Kernel events: `--events`"));
        assertEquals("speedupcsv", anchor("speedup.csv"));
        assertEquals("the-same-row-as-a-c-run", anchor("The same row as a C run"));
        assertEquals("how-sure-a-number-is", anchor("How sure a number is"));
        assertEquals("root-and-why", anchor("Root, and why"));
    }

    @Test
    void aLinkToAMissingFileOrHeadingIsFound(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("other.md"), "# A heading\n\n## A heading\n");
        Path doc = Files.writeString(dir.resolve("doc.md"), "# Here\n\n[a](other.md) [b](other.md#no-such-heading)"
                + " [c](NOPE.md) [d](#here) [e](#there) [f](other.md#a-heading-1) `[g](NOPE2.md)`\n\n```\n[h](NOPE3.md)\n```\n");
        assertEquals(List.of("other.md", "other.md#no-such-heading", "NOPE.md", "#here", "#there",
                "other.md#a-heading-1"), links(doc));
        assertNull(problem(doc, "other.md"));
        assertNull(problem(doc, "#here"));
        assertNull(problem(doc, "other.md#a-heading-1"));
        assertNotNull(problem(doc, "other.md#no-such-heading"));
        assertNotNull(problem(doc, "NOPE.md"));
        assertNotNull(problem(doc, "#there"));
    }

    private static List<Path> markdownFiles() throws IOException {
        List<Path> found = new ArrayList<>();
        Files.walkFileTree(ROOT, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                return NOT_DOCS.contains(dir.getFileName().toString()) ? FileVisitResult.SKIP_SUBTREE
                        : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                if (file.getFileName().toString().endsWith(".md")) {
                    found.add(file);
                }
                return FileVisitResult.CONTINUE;
            }
        });
        return found.stream().sorted().toList();
    }

    /** The link targets of a Markdown file, outside fenced code blocks and code spans. */
    private static List<String> links(Path doc) throws IOException {
        List<String> targets = new ArrayList<>();
        for (String line : prose(doc)) {
            Matcher m = LINK.matcher(CODE_SPAN.matcher(line).replaceAll(""));
            while (m.find()) {
                targets.add(m.group(1));
            }
        }
        return targets;
    }

    /** Null when the link resolves, else why not. */
    private static String problem(Path doc, String target) {
        int hash = target.indexOf('#');
        String file = hash < 0 ? target : target.substring(0, hash);
        Path resolved = file.isEmpty() ? doc : doc.getParent().resolve(file).normalize();
        if (!Files.exists(resolved)) {
            return "no file " + ROOT.relativize(resolved);
        }
        if (hash < 0) {
            return null;
        }
        if (!resolved.toString().endsWith(".md")) {
            return "an anchor into a file that is not Markdown";
        }
        String wanted = target.substring(hash + 1);
        Set<String> anchors = anchors(resolved);
        return anchors.contains(wanted) ? null : "no heading with the anchor #" + wanted + " in "
                + ROOT.relativize(resolved) + "; it has " + anchors;
    }

    private static Set<String> anchors(Path doc) {
        Map<String, Integer> seen = new HashMap<>();
        Set<String> anchors = new TreeSet<>();
        try {
            for (String line : prose(doc)) {
                Matcher m = HEADING.matcher(line);
                if (m.matches()) {
                    String base = anchor(m.group(1));
                    int n = seen.merge(base, 1, Integer::sum) - 1;
                    anchors.add(n == 0 ? base : base + "-" + n);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return anchors;
    }

    /**
     * GitHub's anchor of a heading: its text (a link's text, a code span's content) in lower case, every
     * character but letters, digits, spaces, hyphens and underscores dropped, each space a hyphen.
     */
    private static String anchor(String heading) {
        String text = heading.replaceAll("\\[([^\\]]*)\\]\\([^)]*\\)", "$1");
        return text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{M}\\p{N}_ -]", "").replace(' ', '-');
    }

    /** The lines of a Markdown file outside fenced code blocks. */
    private static List<String> prose(Path doc) throws IOException {
        List<String> lines = new ArrayList<>();
        boolean fenced = false;
        for (String line : Files.readAllLines(doc)) {
            if (line.strip().startsWith("```")) {
                fenced = !fenced;
            } else if (!fenced) {
                lines.add(line);
            }
        }
        return lines;
    }
}

package zcbench.harness.targets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

/** A command's limit holds whatever the command does, and its output arrives whole however long. */
class CommandsTest {

    @Test
    void aCommandThatDoesNotEndIsKilledAtItsLimitSayingWhatItPrinted() {
        String script = "echo $$; exec sleep 30";
        IllegalStateException e = assertTimeoutPreemptively(Duration.ofSeconds(15),
                () -> assertThrows(IllegalStateException.class,
                        () -> Commands.run(Duration.ofSeconds(3), "sh", "-c", script)));
        Matcher m = Pattern.compile(Pattern.quote("sh -c " + script + ": no answer within 3 s, killed; it printed: ")
                + "(\\d+)").matcher(e.getMessage());
        assertTrue(m.matches(), e.getMessage());
        assertFalse(ProcessHandle.of(Long.parseLong(m.group(1))).map(ProcessHandle::isAlive).orElse(false),
                "the command is gone once its failure is thrown");
    }

    @Test
    void aCommandPrintingMoreThanAPipeHoldsEndsWithItsOutputWhole() {
        // About 229 KB, several times what a pipe holds.
        String out = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> Commands.run("seq", "1", "40000"));
        assertEquals(IntStream.rangeClosed(1, 40000).mapToObj(Integer::toString).collect(Collectors.joining("\n")),
                out);
    }

    @Test
    void aFailedCommandSaysItsExitAndWhatItPrinted() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> Commands.run("sh", "-c", "echo wrong >&2; exit 3"));
        assertEquals("sh -c echo wrong >&2; exit 3 failed (exit 3): wrong", e.getMessage());
    }

    @Test
    void aMissingToolSaysWhatToInstall() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> Commands.run("zcbench-no-such-tool", "x"));
        assertTrue(e.getMessage().startsWith("zcbench-no-such-tool x: cannot run ("), e.getMessage());
        assertTrue(e.getMessage().endsWith("); the sink needs iproute2 (apt-get install iproute2)"), e.getMessage());
    }
}

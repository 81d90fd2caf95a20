package zcbench.linux.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

/** A child's status and output come back whole, and its limit holds whatever it does. */
class TimedCommandTest {

    @Test
    void aChildsExitAndBothOfItsStreamsComeBack() throws Exception {
        TimedCommand.Ended ended = TimedCommand.run(List.of("sh", "-c", "echo out; echo err >&2; exit 3"),
                Duration.ofSeconds(10));
        assertEquals(3, ended.exit());
        assertEquals("out\nerr", ended.output());
    }

    @Test
    void aChildPastItsLimitIsKilledAndWhatItPrintedKept() {
        TimedCommand.TimedOut e = assertTimeoutPreemptively(Duration.ofSeconds(15),
                () -> assertThrows(TimedCommand.TimedOut.class,
                        () -> TimedCommand.run(List.of("sh", "-c", "echo $$; exec sleep 30"), Duration.ofSeconds(3))));
        assertTrue(e.ended(), "killed and ended");
        long pid = Long.parseLong(e.printed());
        assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), "the child is gone");
    }

    @Test
    void aToolThatCannotBeStartedIsAnIoException() {
        assertThrows(IOException.class, () -> TimedCommand.run(List.of("zcbench-no-such-tool"), Duration.ofSeconds(5)));
    }
}

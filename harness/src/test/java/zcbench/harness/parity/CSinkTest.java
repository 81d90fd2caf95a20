package zcbench.harness.parity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import zcbench.harness.targets.SinkNetwork;
import zcbench.linux.exec.TimedCommand;
import zcbench.vocabulary.Row;
import zcbench.vocabulary.Variant;

/**
 * The C tools' sink: a namespace with the ifb sink at zcbench's addresses, a command run inside it, and nothing
 * left once closed. The C tool is a stand-in script that prints the selftest's result line (no C is built here).
 * Needs root and iproute2, as the sink does; skipped, saying why, without them.
 */
class CSinkTest {
    @TempDir
    Path tmp;

    @Test
    void aCRunInTheSinksNamespaceIsReadAndTheNamespaceGoesWithTheSink() throws Exception {
        assumeTrue(SinkNetwork.unavailableReason() == null, () -> "skipped: " + SinkNetwork.unavailableReason());
        Path tool = tmp.resolve("msg_zerocopy");
        // What the selftest prints on stderr, once it has checked where it runs.
        Files.writeString(tool, "#!/bin/sh\nip -o addr show dev zcsink0 | grep -q 198.18.0.1/24 || exit 3\n"
                + "echo 'tx=48000 (2995 MB) txc=0 zc=n' >&2\n");
        Files.setPosixFilePermissions(tool, PosixFilePermissions.fromString("rwx------"));
        Row copy = Row.of(Variant.of("copy"), 65435, 1, false, true);
        String name;
        try (CSink sink = CSink.open()) {
            name = sink.name();
            assertTrue(netns().contains(name), netns());
            double mbS = ParityTrials.once(sink, copy, CCommand.of(copy).orElseThrow(),
                    new ParityTrials.Tools(tool, tool, 1, 1, 10));
            assertEquals(48000.0 * 65435 / 1048576.0 / 1.2, mbS, 1e-9);
            Files.writeString(tool, "#!/bin/sh\necho 'msg_zerocopy: send: Network is unreachable' >&2\nexit 1\n");
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> ParityTrials.once(sink, copy,
                    CCommand.of(copy).orElseThrow(), new ParityTrials.Tools(tool, tool, 1, 1, 10)));
            assertTrue(e.getMessage().contains(" exited 1: msg_zerocopy: send: Network is unreachable"),
                    e.getMessage());
        }
        assertFalse(netns().contains(name), "the namespace is removed with the sink: " + netns());
    }

    private static String netns() throws IOException, TimedCommand.TimedOut, InterruptedException {
        return TimedCommand.run(List.of("ip", "netns", "list"), Duration.ofSeconds(30)).output();
    }
}

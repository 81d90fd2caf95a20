package zcbench.profiles.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import zcbench.vocabulary.KernelEvent;

/** perf stat's command line and its CSV output, as perf 6.1 wrote it on this project's machine. */
class PerfStatTest {
    /** Recorded: Events enabled/disabled notes, then one line per event. */
    private static final String RECORDED = """
            Events disabled
            Events enabled
            Events disabled
            800,,io_uring:io_uring_submit_req,300460787,100.00,,
            1600,,io_uring:io_uring_complete,300459736,100.00,,
            97,,io_uring:io_uring_task_work_run,300459001,100.00,,
            800,,net:net_dev_xmit,300458422,100.00,,
            3,,skb:consume_skb,300457901,100.00,,
            0,,skb:kfree_skb,300457310,100.00,,
            1771,,raw_syscalls:sys_enter,300456702,100.00,,
            """;

    /**
     * A stand-in for perf on its control descriptors: it answers as perf does, "ack\n" and the C string's
     * NUL, to {@code answers} commands, then stays silent; SIGINT makes it print the recorded counts.
     */
    private static List<String> fakePerf(int answers) {
        String csv = RECORDED.strip().replace("\n", "\\n");
        String answer = "read c; printf 'ack\\n\\0'; ";
        return List.of("sh", "-c", "trap 'printf \"" + csv + "\\n\" >&2; exit 0' INT; " + answer.repeat(answers)
                + "while :; do sleep 0.01; done");
    }

    @Test
    void eachAnswerIsReadThoughPerfEndsItWithANul() {
        try (PerfStat perf = PerfStat.start(fakePerf(2))) {
            assertEquals(1600L, perf.stop().get(KernelEvent.IO_URING_COMPLETE));
        }
    }

    @Test
    void anUnansweredDisableFailsWithinItsLimit() {
        PerfStat perf = PerfStat.start(fakePerf(1));
        IllegalStateException e = assertTimeoutPreemptively(Duration.ofSeconds(30),
                () -> assertThrows(IllegalStateException.class, perf::stop));
        assertTrue(e.getMessage().startsWith("perf stat did not acknowledge 'disable' within 10 s"), e.getMessage());
    }

    @Test
    void countsEveryEventAndSkipsPerfsNotes() {
        Map<KernelEvent, Long> counts = PerfStat.parse(RECORDED);
        assertEquals(KernelEvent.values().length, counts.size());
        assertEquals(1600L, counts.get(KernelEvent.IO_URING_COMPLETE));
        assertEquals(1771L, counts.get(KernelEvent.SYS_ENTER));
        assertEquals(0L, counts.get(KernelEvent.KFREE_SKB));
    }

    @Test
    void anEventPerfCouldNotCountIsAnError() {
        String notCounted = RECORDED.replace("0,,skb:kfree_skb", "<not counted>,,skb:kfree_skb");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> PerfStat.parse(notCounted));
        assertEquals("perf stat could not count skb:kfree_skb: <not counted>", e.getMessage());
        String lacking = RECORDED.lines().filter(l -> !l.contains("net_dev_xmit")).reduce("", (a, l) -> a + l + "\n");
        assertTrue(assertThrows(IllegalStateException.class, () -> PerfStat.parse(lacking)).getMessage()
                .startsWith("perf stat's output lacks some events"));
    }

    @Test
    void whatIsMissingIsSaidInOneSentence(@TempDir Path tmp) throws IOException {
        Path none = tmp.resolve("tracing");
        // No tracefs there: perf is tried in a mount namespace of its own, tracefs mounted at that path, which is
        // no folder here, so the mount fails and the sentence says so.
        String noTracefs = PerfStat.missing(List.of(none), PerfStat.PERF).orElseThrow();
        assertTrue(noTracefs.startsWith("--events needs tracefs, which is not mounted here (" + none + "), and perf"
                + " in a mount namespace of its own with tracefs mounted there ('unshare --mount --propagation private"
                + " sh -c "), noTracefs);
        assertTrue(noTracefs.contains("') failed: "), noTracefs);
        Path partial = Files.createDirectories(tmp.resolve("partial"));
        for (KernelEvent e : KernelEvent.values()) {
            if (e != KernelEvent.NET_DEV_XMIT) {
                Files.createDirectories(partial.resolve("events").resolve(e.tracefsPath()));
            }
        }
        assertEquals(Optional.of("--events needs the tracepoints net:net_dev_xmit, which this kernel lacks ("
                + partial.resolve("events") + ")"), PerfStat.missing(List.of(partial), PerfStat.PERF));
        Files.createDirectories(partial.resolve("events").resolve(KernelEvent.NET_DEV_XMIT.tracefsPath()));
        String noPerf = PerfStat.missing(List.of(partial), "zcbench-no-such-perf").orElseThrow();
        assertTrue(noPerf.startsWith("--events needs perf (linux-perf), and it cannot be started: "), noPerf);
    }

    @Test
    void countsOnTheSendingCpusOrEveryCpuStartingDisabled(@TempDir Path tmp) throws IOException {
        String events = "io_uring:io_uring_submit_req,io_uring:io_uring_complete,io_uring:io_uring_task_work_run,"
                + "net:net_dev_xmit,skb:consume_skb,skb:kfree_skb,raw_syscalls:sys_enter";
        List<Path> mounted = List.of(Files.createDirectories(tmp.resolve("tracing").resolve("events")).getParent());
        assertEquals(List.of("perf", "stat", "-x,", "-e", events, "-a", "-C", "1,0", "-D", "-1", "--control",
                "fd:0,1"), PerfStat.onCpus("1,0", mounted));
        assertEquals(List.of("perf", "stat", "-x,", "-e", events, "-a", "-D", "-1", "--control", "fd:0,1"),
                PerfStat.onCpus("", mounted));
        // Without tracefs mounted, perf runs in a mount namespace of its own that has it, by exec: the same pid.
        Path none = tmp.resolve("none");
        List<String> inOwnNamespace = PerfStat.onCpus("1,0", List.of(none));
        assertEquals(List.of("unshare", "--mount", "--propagation", "private", "sh", "-c",
                "mount -t tracefs nodev \"$0\" && exec \"$@\"", none.toString()), inOwnNamespace.subList(0, 8));
        assertEquals(PerfStat.onCpus("1,0", mounted), inOwnNamespace.subList(8, inOwnNamespace.size()));
        assertEquals("events_io_uring_complete_per_packet", KernelEvent.IO_URING_COMPLETE.id());
        assertEquals("events_sys_enter_per_packet", KernelEvent.SYS_ENTER.id());
    }
}

package zcbench.harness.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import zcbench.vocabulary.KernelEvent;

/**
 * run --events on a machine without tracefs mounted: the run is made in a mount namespace of its own where
 * every tracefs (and debugfs) is unmounted, and perf, given tracefs in a namespace of its own, counts the
 * events all the same; the run's namespace has no tracefs mounted afterwards (perf mounts one where it finds
 * none), and the machine's mounts are as they were.
 */
class EventsWithoutTracefsIT {

    @Test
    void eventsAreCountedWhereNoTracefsIsMounted(@TempDir Path out) throws Exception {
        Process probe = new ProcessBuilder("unshare", "-m", "true").redirectErrorStream(true).start();
        assumeTrue(probe.waitFor(10, TimeUnit.SECONDS) && probe.exitValue() == 0,
                "skipped: needs root for a mount namespace of its own (unshare -m)");
        List<String> mountsBefore = tracefsMounts();
        List<String> cmd = new ArrayList<>(List.of("unshare", "-m", "--propagation", "private", "sh", "-c",
                "for m in /sys/kernel/debug/tracing /sys/kernel/tracing /sys/kernel/debug; do umount -l \"$m\""
                        + " 2>/dev/null; done; if [ -d /sys/kernel/tracing/events ] || [ -d"
                        + " /sys/kernel/debug/tracing/events ]; then echo 'tracefs still mounted' >&2; exit 9; fi;"
                        // perf mounts tracefs itself where it finds none: in the run's namespace, that would show.
                        + " \"$@\"; s=$?; if grep -q ' tracefs ' /proc/self/mountinfo; then echo 'the run left tracefs"
                        + " mounted' >&2; exit 8; fi; exit $s", "no-tracefs"));
        cmd.addAll(Jar.command(List.of("-Djmh.ignoreLock=true"), List.of("run", "--events", "-p", "variant=uring_zc",
                "-p", "payload=4096", "--target", "loopback", "-wi", "0", "-i", "1", "-r", "300ms", "-f", "1", "--out",
                out.toString())));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().put("ZCBENCH_LOCK", out.resolve("zcbench.lock").toString());
        Jar.Result r = Jar.finish(pb.start());

        assertEquals(0, r.exit(), r.both());
        List<CSVRecord> rows = SmokeRunIT.csv(out.resolve("latest").toRealPath().resolve("speedup.csv"));
        assertEquals(1, rows.size(), r.both());
        double submits = Double.parseDouble(rows.getFirst().get(KernelEvent.IO_URING_SUBMIT_REQ.id()));
        // At least one io_uring submit per packet; perf counts the whole CPU, where other programs may submit too.
        assertTrue(submits >= 0.95, submits + " io_uring submits per packet: " + r.both());
        assertEquals(mountsBefore, tracefsMounts(), "the machine's mounts are as they were");
    }

    private static List<String> tracefsMounts() throws Exception {
        return Files.readAllLines(Path.of("/proc/self/mountinfo")).stream()
                .filter(l -> l.contains(" tracefs ") || l.contains(" debugfs ")).toList();
    }
}

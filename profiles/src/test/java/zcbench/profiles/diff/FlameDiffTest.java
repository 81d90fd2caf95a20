package zcbench.profiles.diff;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import zcbench.profiles.summary.CollapsedProfile;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FlameDiffTest {

    static final String A = """
            S.send;sendto;udp_sendmsg_[k];gup_fast_fallback_[k] 30
            S.send;sendto;udp_sendmsg_[k] 60
            S.send 10
            """;
    static final String B = """
            S.send;sendto;udp_sendmsg_[k];gup_fast_fallback_[k] 5
            S.send;sendto;udp_sendmsg_[k] 10
            S.send;io_uring_enter;io_submit_sqes_[k] 5
            """;

    @Test
    void sharesAreOfEachProfilesOwnSamples() {
        List<FrameDelta> deltas = FlameDiff.frames(CollapsedProfile.parse(A), CollapsedProfile.parse(B));
        FrameDelta gup = find(deltas, "gup_fast_fallback_[k]");
        assertEquals(30, gup.selfA(), 1e-9);
        assertEquals(25, gup.selfB(), 1e-9);
        assertEquals(-5, gup.selfDelta(), 1e-9);
        FrameDelta send = find(deltas, "S.send");
        assertEquals(10, send.selfA(), 1e-9);
        assertEquals(0, send.selfB(), 1e-9);
        assertEquals(100, send.totalA(), 1e-9);
        assertEquals(100, send.totalB(), 1e-9);
        FrameDelta uring = find(deltas, "io_submit_sqes_[k]");
        assertEquals(0, uring.totalA(), 1e-9);
        assertEquals(25, uring.totalB(), 1e-9);
        // largest change of self share first: io_submit_sqes +25, then udp_sendmsg -10 and S.send -10
        assertEquals("io_submit_sqes_[k]", deltas.getFirst().frame());
        assertTrue(Math.abs(deltas.get(1).selfDelta()) >= Math.abs(deltas.get(2).selfDelta()));
    }

    @Test
    void recursiveFramesCountOncePerStack() {
        List<FrameDelta> deltas = FlameDiff.frames(CollapsedProfile.parse("f;f;f 4\n"), CollapsedProfile.parse("f 4\n"));
        assertEquals(100, find(deltas, "f").totalA(), 1e-9);
    }

    @Test
    void writesTableAndDifferentialFlameGraph(@TempDir Path dir) throws Exception {
        Path a = Files.writeString(dir.resolve("a.collapsed"), A);
        Path b = Files.writeString(dir.resolve("b.collapsed"), B);
        Path csv = dir.resolve("d.diff.csv");
        Path html = dir.resolve("d.diff.html");
        FlameDiff.writeCsv(csv, FlameDiff.frames(CollapsedProfile.read(a), CollapsedProfile.read(b)), "a--vs--b");
        FlameDiff.writeHtml(a, b, html, "uring vs msg_zerocopy");

        List<String> table = Files.readAllLines(csv);
        assertEquals("frame,self_a_pct,self_b_pct,self_delta_pp,total_a_pct,total_b_pct,total_delta_pp,row",
                table.getFirst());
        assertEquals("io_submit_sqes_[k],0.00,25.00,25.00,0.00,25.00,25.00,a--vs--b", table.get(1));
        String page = Files.readString(html);
        assertTrue(page.contains("<h1>uring vs msg_zerocopy</h1>") && page.contains("<canvas"), "an HTML flame graph");
    }

    @Test
    void pairsFilesAndFoldersByName(@TempDir Path dir) throws Exception {
        Path run1 = Files.createDirectories(dir.resolve("run1/flame"));
        Path run2 = Files.createDirectories(dir.resolve("run2/flame"));
        for (Path run : List.of(run1, run2)) {
            Files.writeString(run.resolve("copy-65435.cpu.collapsed"), A);
            Files.writeString(run.resolve("copy-65435.cpu.html"), "");
        }
        Files.writeString(run1.resolve("only-in-1.cpu.collapsed"), A);

        List<DiffInputs.Pair> folders = DiffInputs.pairs(run1, run2);
        assertEquals(List.of(new DiffInputs.Pair("copy-65435.cpu", run1.resolve("copy-65435.cpu.collapsed"),
                run2.resolve("copy-65435.cpu.collapsed"))), folders);

        List<DiffInputs.Pair> files = DiffInputs.pairs(run1.resolve("copy-65435.cpu.collapsed"), run1.resolve("only-in-1.cpu.collapsed"));
        assertEquals("copy-65435.cpu--vs--only-in-1.cpu", files.getFirst().name());

        assertThrows(IllegalArgumentException.class, () -> DiffInputs.pairs(run1, run1.resolve("copy-65435.cpu.collapsed")));
        Path empty = Files.createDirectories(dir.resolve("empty"));
        assertThrows(IllegalArgumentException.class, () -> DiffInputs.pairs(run1, empty));
    }

    private static FrameDelta find(List<FrameDelta> deltas, String frame) {
        return deltas.stream().filter(d -> d.frame().equals(frame)).findFirst().orElseThrow();
    }
}

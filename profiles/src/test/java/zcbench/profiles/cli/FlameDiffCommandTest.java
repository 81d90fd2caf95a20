package zcbench.profiles.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FlameDiffCommandTest {

    private static final String ZC = "S.send;sendto;udp_sendmsg_[k];gup_fast_fallback_[k] 40\nS.send;sendto;udp_sendmsg_[k] 60\n";
    private static final String FIXED = "S.send;sendto;io_submit_sqes_[k];udp_sendmsg_[k] 90\nS.send;sendto;io_submit_sqes_[k];io_sg_from_iter_[k] 10\n";

    @Test
    void comparesTwoRows(@TempDir Path dir) throws Exception {
        Path a = Files.writeString(dir.resolve("msg_zerocopy.cpu.collapsed"), ZC);
        Path b = Files.writeString(dir.resolve("uring_zc_fixed.cpu.collapsed"), FIXED);
        Path out = dir.resolve("out");
        StringWriter text = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = new CommandLine(new FlameDiffCommand()).setOut(new PrintWriter(text)).setErr(new PrintWriter(err))
                .execute(a.toString(), b.toString(), "--out", out.toString(), "--top", "3");

        assertEquals(0, exit, text.toString());
        String printed = text.toString();
        assertTrue(printed.contains("page_pinning        40.00     0.00   -40.00"), printed);
        assertTrue(printed.contains("frames that shrank most"), printed);
        String name = "msg_zerocopy.cpu--vs--uring_zc_fixed.cpu";
        assertTrue(Files.exists(out.resolve(name + ".diff.csv")) && Files.exists(out.resolve(name + ".diff.html")));
        assertTrue(err.toString().startsWith("wrote " + out.resolve(name + ".diff.csv")), err.toString());
        assertTrue(printed.lines().noneMatch(l -> l.contains(".diff.")),
                "stdout holds the comparison only: " + printed);
    }

    @Test
    void rejectsAFileAgainstAFolder(@TempDir Path dir) throws Exception {
        Path a = Files.writeString(dir.resolve("a.collapsed"), ZC);
        StringWriter err = new StringWriter();
        int exit = new CommandLine(new FlameDiffCommand()).setErr(new PrintWriter(err)).execute(a.toString(), dir.toString());
        assertEquals(2, exit);
        assertTrue(err.toString().contains("two collapsed files or two folders"), err.toString());
    }
}

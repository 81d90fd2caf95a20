package zcbench.harness.parity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import zcbench.vocabulary.Row;
import zcbench.vocabulary.Variant;

/** Each RFC row's C command, as docs/C-TOOLS.md maps them, and the MB/s read from what each tool prints. */
class CCommandTest {

    @Test
    void eachRowMapsOntoItsCCommand() {
        assertEquals("msg_zerocopy", describe(Variant.of("copy"), 1));
        assertEquals("msg_zerocopy -z", describe(Variant.of("msg_zerocopy"), 1));
        assertEquals("send-zerocopy -n 1 -z 0", describe(Variant.of("uring_send"), 1));
        assertEquals("send-zerocopy -n 8 -z 1 -b 0", describe(Variant.of("uring_zc"), 8));
        assertEquals("send-zerocopy -n 8 -z 1 -b 1", describe(Variant.of("uring_zc_fixed"), 8));
        assertEquals(Optional.empty(), CCommand.of(Row.of(Variant.of("copy"), 4096, 8, false, true)),
                "the selftest sends one packet per syscall: no batch");
        assertEquals(List.of("/opt/send-zerocopy", "-4", "-D", "198.18.0.2", "-C", "1", "-s", "4096", "-t", "3", "-n",
                "8", "-z", "1", "-b", "1", "udp"), CCommand.of(Row.of(Variant.of("uring_zc_fixed"), 4096, 8, false, true))
                .orElseThrow().argv(Path.of("/opt/send-zerocopy"), 1, 4096, 3));
    }

    @Test
    void mbPerSecondIsReadFromWhatEachToolPrints() {
        CCommand selftest = CCommand.of(Row.of(Variant.of("msg_zerocopy"), 65435, 1, false, true)).orElseThrow();
        // The selftest counts packets over -t plus its 200 ms.
        assertEquals(100_000.0 * 65435 / 1048576.0 / 3.2,
                selftest.mbPerSecond("tx=100000 (6240 MB) txc=100000 zc=y\n", 65435, 3), 1e-9);
        CCommand liburing = CCommand.of(Row.of(Variant.of("uring_zc"), 4096, 8, false, true)).orElseThrow();
        // liburing prints packets per second; its MB/s is whole MiB over whole ms, so it is not read.
        assertEquals(250_000.0 * 4096 / 1048576.0,
                liburing.mbPerSecond("packets=800000 (MB=3125), rps=250000 (MB/s=976)\n", 4096, 3), 1e-9);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> liburing.mbPerSecond("send-zerocopy: send failed: Network is unreachable", 4096, 3));
        assertTrue(e.getMessage().startsWith("send-zerocopy printed no result line"), e.getMessage());
        assertTrue(e.getMessage().endsWith("Network is unreachable"), e.getMessage());
    }

    private static String describe(Variant v, int batch) {
        return CCommand.of(Row.of(v, 65435, batch, false, true)).orElseThrow().describe();
    }
}

package zcbench.profiles.rows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RowNamesTest {

    private static final String UDP = "zcbench.harness.bench.UdpSendBenchmark.send";

    private static TrialRow row(String benchmark, String... keyValues) {
        Map<String, String> params = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            params.put(keyValues[i], keyValues[i + 1]);
        }
        return new TrialRow(benchmark, benchmark + "-Throughput-" + String.join("-", keyValues), params);
    }

    private static TrialRow udp(String variant, String cpu) {
        // JMH lists params by name; the name's order is zcbench's, whatever the map's
        return row(UDP, "batch", "8", "cpu", cpu, "flush", "false", "payload", "65435", "target", "sink",
                "ubuf_cache", "on", "variant", variant);
    }

    @Test
    void aZcbenchRowIsNamedByItsKeyWithTheKnobsOfItsVariantOnly() {
        TrialRow zc = udp("uring_zc_fixed", "last");
        TrialRow copy = udp("copy", "last");
        Map<TrialRow, String> names = RowNames.names(List.of(zc, copy));
        assertEquals("uring_zc_fixed-65435-b8-flush=false-ubuf_cache=on-sink", names.get(zc));
        assertEquals("copy-65435-b8-sink", names.get(copy));
    }

    @Test
    void knobsShownWhenChangedAppearOnlyAwayFromTheirDefault() {
        TrialRow pinned = udp("copy", "1");
        TrialRow unpinned = udp("copy", "-1");
        Map<TrialRow, String> names = RowNames.names(List.of(pinned, unpinned));
        assertEquals("copy-65435-b8-cpu=1-sink", names.get(pinned));
        assertEquals("copy-65435-b8-cpu=-1-sink", names.get(unpinned));
    }

    @Test
    void otherBenchmarksAreNamedByTheParamsThatDistinguishTheirRows() {
        TrialRow one = row("a.B.m", "batch", "1", "size", "4");
        TrialRow eight = row("a.B.m", "batch", "8", "size", "4");
        Map<TrialRow, String> names = RowNames.names(List.of(one, eight));
        assertEquals("batch=1", names.get(one));
        assertEquals("batch=8", names.get(eight));
    }

    @Test
    void benchmarkNameWhenNeeded() {
        TrialRow plain = row("zcbench.profiles.testbench.BusyBench.send");
        assertEquals("BusyBench.send", RowNames.names(List.of(plain)).get(plain));

        TrialRow udp = udp("copy", "last");
        Map<TrialRow, String> names = RowNames.names(List.of(plain, udp));
        assertEquals("UdpSendBenchmark.send-copy-65435-b8-sink", names.get(udp));
    }

    @Test
    void namesAreSafeAndDistinct() {
        TrialRow odd = row("a.B.m", "variant", "x/y z", "payload", "65435", "batch", "8", "target", "sink");
        TrialRow same = new TrialRow("a.B.m", "other-id", odd.params());
        Map<TrialRow, String> names = RowNames.names(List.of(odd, same));
        assertEquals("x_y_z-65435-b8-sink", names.get(odd));
        assertEquals("x_y_z-65435-b8-sink-2", names.get(same));
    }

    @Test
    void freeStemNeverReusesAnExistingFile(@TempDir Path dir) throws Exception {
        List<String> suffixes = List.of(".cpu.html", ".cpu.collapsed");
        assertEquals("copy", TrialFiles.freeStem(dir, "copy", suffixes));
        Files.writeString(dir.resolve("copy.cpu.collapsed"), "");
        assertEquals("copy-2", TrialFiles.freeStem(dir, "copy", suffixes));
    }
}

package zcbench.analysis.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import zcbench.analysis.Fixtures;

class ReportHtmlTest {
    @TempDir
    Path tmp;

    private String html(String fixture) throws IOException {
        Path run = Fixtures.copy(fixture, tmp);
        RunReport report = RunReports.write(run, tmp.resolve("out-" + fixture), "msg_zerocopy");
        return Files.readString(report.files().get(2));
    }

    private static List<String> ids(String html, String regex) {
        return Pattern.compile(regex).matcher(html).results().map(m -> m.group(1)).toList();
    }

    @Test
    void onePageRowAndOneChartBarPerResultRow() throws IOException {
        for (String fixture : List.of(Fixtures.SINK, Fixtures.LOOPBACK, Fixtures.PLAIN)) {
            String html = html(fixture);
            int rows = (int) Files.readString(tmp.resolve("out-" + fixture).resolve("speedup.csv")).lines().count()
                    - 1;
            List<String> expected = IntStream.rangeClosed(1, rows).mapToObj(Integer::toString).toList();
            assertEquals(expected, ids(html, "<tr class=\"result-row[^\"]*\" id=\"row-(\\d+)\">"), fixture);
            assertEquals(expected, ids(html, "<g id='bar-(\\d+)' class='bar-mark'>").stream()
                    .sorted((a, b) -> Integer.parseInt(a) - Integer.parseInt(b)).toList(), fixture);
        }
    }

    @Test
    void theRfcFigureStandsBesideOursWhereOneMaps() throws IOException {
        String html = html(Fixtures.SINK);
        assertEquals(15, ids(html, "<g id='rfc-(\\d+)' class='rfc-mark'>").size());
        assertTrue(html.contains("MB/s against payload"));
    }

    @Test
    void aCopiedZeroCopyRowGetsABannerAndRedBadges() throws IOException {
        String sink = html(Fixtures.SINK);
        assertFalse(sink.contains("id=\"copied-banner\""));
        assertFalse(sink.contains("badge copied"));
        String loop = html(Fixtures.LOOPBACK);
        assertTrue(loop.contains("<div class=\"banner\" id=\"copied-banner\">COPIED: the kernel copied"));
        assertEquals(15, loop.split("<span class=\"badge copied\">COPIED</span>", -1).length - 1);
        assertEquals(15, ids(loop, "<tr class=\"result-row copied\" id=\"row-(\\d+)\">").size());
    }

    @Test
    void theEnvironmentIsAKeyValueTableWithNestedValuesAsCompactJson() throws IOException {
        String html = html(Fixtures.SINK);
        assertTrue(html.contains("<td>cpus</td><td>2</td>"));
        assertTrue(html.contains("<td>sysctls</td><td>{&quot;net.core.optmem_max&quot;:20480,"
                + "&quot;net.core.wmem_max&quot;:212992}</td>"));
        assertTrue(html(Fixtures.PLAIN).contains("No env.json beside the results."));
    }

    @Test
    void thePageIsSelfContainedAndStatesTheMappings() throws IOException {
        String html = html(Fixtures.SINK);
        assertFalse(Pattern.compile("<script|<link|<img|src=|url\\(http|href=[\"']http").matcher(html).find());
        assertTrue(html.contains("<svg"));
        assertTrue(html.contains("user-space analogues on today&#39;s kernel") || html.contains(
                "user-space analogues on today's kernel"));
        assertTrue(html.contains("thousand requests/s, converted to MB/s"));
    }
}

package zcbench.profiles.summary;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProfileSummaryTest {

    @Test
    void writesOneLinePerRowWithParamsSharesAndNotes(@TempDir Path dir) throws Exception {
        Map<String, String> zcParams = new LinkedHashMap<>();
        zcParams.put("variant", "msg_zerocopy");
        zcParams.put("payload", "65435");
        ProfileSummary zc = ProfileSummary.of("msg_zerocopy-65435", zcParams, CollapsedProfile.parse(
                "S;send;udp_sendmsg_[k];gup_fast_fallback_[k] 3\nS;send;udp_sendmsg_[k] 1\n"));
        ProfileSummary user = ProfileSummary.of("copy-65435", Map.of("variant", "copy", "target", "sink"),
                CollapsedProfile.parse("S;send;sendto 4\n"));
        Path csv = dir.resolve("profile-summary.csv");

        ProfileSummary.writeCsv(csv, List.of(zc, user), "perf_event_paranoid=2");

        try (Reader in = Files.newBufferedReader(csv);
             CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
            List<String> header = parser.getHeaderNames();
            assertEquals(List.of("row", "variant", "payload", "target", "samples", "kernel_frames"), header.subList(0, 6));
            assertEquals("note", header.getLast());
            List<CSVRecord> records = parser.getRecords();
            assertEquals(2, records.size());
            CSVRecord first = records.get(0);
            assertEquals("msg_zerocopy-65435", first.get("row"));
            assertEquals("", first.get("target"));
            assertEquals("4", first.get("samples"));
            assertEquals("true", first.get("kernel_frames"));
            assertEquals("75.00", first.get("page_pinning_pct"));
            assertEquals("25.00", first.get("send_path_pct"));
            assertEquals("", first.get("note"));
            CSVRecord second = records.get(1);
            assertEquals("false", second.get("kernel_frames"));
            assertEquals("100.00", second.get("user_pct"));
            assertTrue(second.get("note").contains("no kernel frames") && second.get("note").contains("perf_event_paranoid=2"),
                    second.get("note"));
        }
    }
}

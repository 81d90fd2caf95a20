package zcbench.harness.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.options.CommandLineOptions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import zcbench.harness.plan.PlanSpec;
import zcbench.harness.plan.Timing;
import zcbench.variants.Requirements;
import zcbench.vocabulary.ResultFiles;
import zcbench.vocabulary.Row;
import zcbench.vocabulary.Variant;

/**
 * A run that fails half-way keeps every row that finished and says which failed and why; --rerun
 * finds the failed and the noisy rows again.
 */
class PlanRunnerTest {

    @Test
    void aFailingRowIsReportedAndTheOthersAreKept(@TempDir Path tmp) throws Exception {
        System.setProperty("jmh.ignoreLock", "true");
        PlanSpec spec = new PlanSpec("test", new Timing(1, 0, 0, 1, 100), List.of(
                Row.of(Variant.of("copy"), 4096, 8, false, true),
                // flush means nothing for copy: the fork's setup refuses it.
                Row.of(Variant.of("copy"), 4096, 8, true, true),
                Row.of(Variant.of("uring_zc_fixed"), 4096, 8, false, true)));
        RunFolder folder = RunFolder.create(tmp, "test");
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        List<Long> remaining = new ArrayList<>();
        PlanRunner.Outcome outcome = new PlanRunner(spec, "loopback", new CommandLineOptions(), folder,
                PlanRunner.RowOptions.NONE, false, new PrintStream(console, true, StandardCharsets.UTF_8),
                Duration.ofSeconds(5), remaining::add).run();
        assertEquals(3, remaining.size(), "the run lock hears the time left before each row");
        assertEquals(3L * spec.estimatedSecondsPerRow(), remaining.getFirst());

        assertEquals(2, outcome.results().size(), "the two good rows finished");
        assertEquals(1, outcome.failures().size());
        String reason = outcome.failures().getFirst().reason();
        assertTrue(reason.contains("flush=true means nothing for copy"), reason);
        String json = Files.readString(folder.jmhJson());
        assertTrue(json.contains("\"uring_zc_fixed\"") && json.contains("\"copy\""), "jmh.json holds both good rows");
        String failures = Files.readString(folder.dir().resolve("failures.txt"));
        assertTrue(failures.startsWith("copy payload=4096 batch=8: "), failures);
        String printed = console.toString(StandardCharsets.UTF_8);
        // Each progress line names its row once, by its key.
        assertTrue(printed.contains("[2/3] copy-4096-b8-loopback  (about "), printed);
        assertTrue(printed.contains("[3/3] uring_zc_fixed-4096-b8-flush=false-ubuf_cache=on-loopback  (about "),
                printed);
        assertTrue(printed.lines().filter(l -> l.startsWith("[")).allMatch(l -> l.matches("\\[\\d/3] \\S+  \\(about [^;]+ left\\)")),
                printed);
        assertTrue(printed.contains("FAILED: "), printed);
        assertTrue(printed.contains(" MB/s (one sample, no interval), "), printed);

        // jmh.log keeps every row, each under its own header (JMH's -o would keep only the last).
        String log = Files.readString(folder.jmhLog());
        for (int row = 1; row <= 3; row++) {
            assertTrue(log.contains("# zcbench row [" + row + "/3] "), "row " + row + " in jmh.log");
            assertTrue(log.contains(": " + spec.rows().get(row - 1).key("loopback") + "\n"), "row " + row + "'s key");
        }
        assertEquals(3, log.lines().filter(l -> l.startsWith("# Benchmark: ")).count(), log);
        assertTrue(log.indexOf("variant = copy") < log.indexOf("variant = uring_zc_fixed"));

        // --rerun failed: the row without a result; --rerun noisy: a row whose error is above 5%.
        folder.writeText(ResultFiles.PLAN_JSON, new RunSettings("test", "loopback", spec.timing(), List.of("-i", "1"), null,
                false, true, Map.of(), null, spec.rows().stream().map(Row::knobs).toList()).toJson());
        RunSettings settings = RunSettings.read(folder.dir());
        assertEquals(spec.rows(), settings.planRows());
        assertTrue(settings.events(), "--events is repeated by a rerun");
        assertEquals(List.of(spec.rows().get(1)), Rerun.rows(Rerun.Which.FAILED, folder.dir(), settings));
        assertEquals(List.of(), Rerun.rows(Rerun.Which.NOISY, folder.dir(), settings),
                "one iteration: the error is unknown, which is not noisy");
        makeNoisy(folder.jmhJson(), "uring_zc_fixed");
        assertEquals(List.of(spec.rows().get(2)), Rerun.rows(Rerun.Which.NOISY, folder.dir(), settings));

        // A run from before ubuf_cache had one name wrote ubufCache into both files: reruns find the same rows.
        for (Path file : List.of(folder.jmhJson(), folder.dir().resolve(ResultFiles.PLAN_JSON))) {
            Files.writeString(file, Files.readString(file).replace("\"ubuf_cache\"", "\"ubufCache\""));
        }
        assertTrue(Files.readString(folder.jmhJson()).contains("\"ubufCache\""));
        Path planJson = folder.dir().resolve(ResultFiles.PLAN_JSON);
        Files.writeString(planJson, Files.readString(planJson).replace("\"events\" : true,", ""));
        RunSettings old = RunSettings.read(folder.dir());
        assertEquals(spec.rows(), old.planRows());
        assertFalse(old.events(), "a plan.json from before --events was recorded had none");
        assertEquals(List.of(spec.rows().get(1)), Rerun.rows(Rerun.Which.FAILED, folder.dir(), old));
        assertEquals(List.of(spec.rows().get(2)), Rerun.rows(Rerun.Which.NOISY, folder.dir(), old));
    }

    /** Gives the row of {@code variant} an error of 10% of its score, as a busy machine would. */
    private static void makeNoisy(Path jmhJson, String variant) throws Exception {
        ObjectMapper json = new ObjectMapper();
        JsonNode results = json.readTree(jmhJson.toFile());
        for (JsonNode r : results) {
            if (r.at("/params/variant").asText().equals(variant)) {
                ObjectNode primary = (ObjectNode) r.get("primaryMetric");
                primary.put("scoreError", primary.get("score").asDouble() * 0.10);
            }
        }
        json.writeValue(jmhJson.toFile(), results);
    }

    @Test
    void aFolderWithoutPlanJsonCannotBeRerun(@TempDir Path tmp) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RunSettings.read(tmp));
        assertTrue(e.getMessage().startsWith(tmp + " has no plan.json"), e.getMessage());
        assertEquals("--rerun takes noisy or failed, not 'slow'",
                assertThrows(IllegalArgumentException.class, () -> Rerun.Which.of("slow")).getMessage());
    }

    @Test
    void aRowTheKernelCannotRunIsSkippedWithWhatItNeedsAndTheOthersRun(@TempDir Path tmp) throws Exception {
        Row defer = Row.of(Map.of("variant", "uring_zc_fixed", "payload", "4096", "setup", "defer"));
        PlanSpec spec = new PlanSpec("test", new Timing(1, 0, 0, 1, 100), List.of(defer,
                Row.of(Variant.of("uring_zc_fixed"), 4096, 8, false, true)));
        RunFolder folder = RunFolder.create(tmp, "test");
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        Requirements.Machine withoutDeferTaskrun = new Requirements.Features(false, false, false, false);
        PlanRunner.Outcome outcome = runOn(withoutDeferTaskrun, spec, folder, console);

        assertEquals(List.of(new PlanRunner.Skipped(defer, "needs Linux 6.1+ (IORING_SETUP_DEFER_TASKRUN)")),
                outcome.skipped());
        assertEquals(List.of(), outcome.failures(), "a skipped row is not a failed one");
        assertEquals(1, outcome.results().size(), "the other row was measured");
        assertTrue(console.toString(StandardCharsets.UTF_8).contains("SKIPPED: needs Linux 6.1+"
                + " (IORING_SETUP_DEFER_TASKRUN)"), console.toString(StandardCharsets.UTF_8));
        assertEquals(defer.label() + ": needs Linux 6.1+ (IORING_SETUP_DEFER_TASKRUN)\n",
                Files.readString(folder.dir().resolve(ResultFiles.SKIPPED)));
    }

    @Test
    void onAKernelBeforeTheNewSendPathsTheirRowsAreSkippedAndTheOthersRun(@TempDir Path tmp) throws Exception {
        Row registeredVectors = Row.of(Map.of("variant", "uring_sendmsg_zc_fixed", "payload", "4096", "iov", "4"));
        Row vectorized = Row.of(Map.of("variant", "uring_zc", "payload", "4096", "iov", "2"));
        Row message = Row.of(Map.of("variant", "uring_sendmsg_zc", "payload", "4096", "iov", "4"));
        PlanSpec spec = new PlanSpec("test", new Timing(1, 0, 0, 1, 100), List.of(registeredVectors, vectorized,
                message));
        RunFolder folder = RunFolder.create(tmp, "test");
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        Requirements.Machine linux614 = new Requirements.Features(true, true, false, false);
        PlanRunner.Outcome outcome = runOn(linux614, spec, folder, console);

        String fixedBuf = "needs Linux 6.15+ (IORING_RECVSEND_FIXED_BUF on SENDMSG_ZC)";
        String sendVectorized = "needs Linux 6.17+ (IORING_SEND_VECTORIZED)";
        assertEquals(List.of(new PlanRunner.Skipped(registeredVectors, fixedBuf),
                new PlanRunner.Skipped(vectorized, sendVectorized)), outcome.skipped());
        assertEquals(List.of(), outcome.failures(), "a skipped row is not a failed one");
        assertEquals(1, outcome.results().size(), "the SENDMSG_ZC row was measured");
        String printed = console.toString(StandardCharsets.UTF_8);
        assertTrue(printed.contains("SKIPPED: " + fixedBuf) && printed.contains("SKIPPED: " + sendVectorized), printed);
        assertEquals(registeredVectors.label() + ": " + fixedBuf + "\n" + vectorized.label() + ": " + sendVectorized
                + "\n", Files.readString(folder.dir().resolve(ResultFiles.SKIPPED)));
    }

    @Test
    void anIpv6RowToAnIpv4ReceiverIsSkippedBeforeItForksInOneSentence(@TempDir Path tmp) throws Exception {
        String target = "udp://127.0.0.1:9000";
        Row ipv6 = Row.of(Map.of("variant", "copy", "payload", "4096", "ip", "6"));
        String sentence = "target udp://127.0.0.1:9000 is an IPv4 receiver and the row sends over IPv6: give ip=4 or"
                + " an IPv6 receiver's address (udp://[ADDR]:PORT)";
        assertEquals(Optional.of(sentence), RowNeeds.of(ipv6, target, Requirements.THIS_MACHINE));
        Row ipv4 = Row.of(Map.of("variant", "copy", "payload", "4096"));
        assertEquals(Optional.empty(), RowNeeds.of(ipv4, target, Requirements.THIS_MACHINE));
        assertEquals(Optional.empty(), RowNeeds.of(ipv6, "loopback", Requirements.THIS_MACHINE));
        PlanSpec spec = new PlanSpec("test", new Timing(1, 0, 0, 1, 100), List.of(ipv6));
        RunFolder folder = RunFolder.create(tmp, "test");
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        List<Long> left = new ArrayList<>();
        PlanRunner.Outcome outcome = new PlanRunner(spec, target, new CommandLineOptions(), folder,
                PlanRunner.RowOptions.NONE, false, new PrintStream(console, true, StandardCharsets.UTF_8),
                Duration.ofSeconds(5), left::add).run();
        assertEquals(List.of(0L), left, "a skipped row takes no time");
        assertEquals(List.of(new PlanRunner.Skipped(ipv6, sentence)), outcome.skipped());
        assertEquals(List.of(), outcome.failures(), "a skipped row is not a failed one");
        assertEquals(List.of(), outcome.results(), "nothing forked");
        assertTrue(console.toString(StandardCharsets.UTF_8).contains("SKIPPED: " + sentence));
    }

    @Test
    void aTcpRowToTheSinkIsRefusedBeforeItForksInOneSentence(@TempDir Path tmp) throws Exception {
        Row tcp = Row.of(Map.of("variant", "msg_zerocopy", "payload", "4096", "protocol", "tcp"));
        String sentence = "protocol=tcp cannot go to target sink: its ifb device frees every packet, so no TCP"
                + " handshake completes (use target peer or loopback)";
        assertEquals(Optional.of(sentence), RowNeeds.of(tcp, "sink", Requirements.THIS_MACHINE));
        assertEquals(Optional.empty(), RowNeeds.of(tcp, "loopback", Requirements.THIS_MACHINE));
        Row udp = Row.of(Map.of("variant", "msg_zerocopy", "payload", "4096"));
        assertEquals(Optional.empty(), RowNeeds.of(udp, "sink", Requirements.THIS_MACHINE));
        PlanSpec spec = new PlanSpec("test", new Timing(1, 0, 0, 1, 100), List.of(tcp));
        RunFolder folder = RunFolder.create(tmp, "test");
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        PlanRunner.Outcome outcome = new PlanRunner(spec, "sink", new CommandLineOptions(), folder,
                PlanRunner.RowOptions.NONE, false, new PrintStream(console, true, StandardCharsets.UTF_8),
                Duration.ofSeconds(5), left -> { }).run();
        assertEquals(List.of(new PlanRunner.Skipped(tcp, sentence)), outcome.skipped());
        assertEquals(List.of(), outcome.results(), "nothing forked");
        assertTrue(console.toString(StandardCharsets.UTF_8).contains("SKIPPED: " + sentence));

        // On loopback the same row forks, connects to the target's listener and is measured.
        RunFolder onLoopback = RunFolder.create(tmp, "loopback");
        PlanRunner.Outcome measured = runOn(Requirements.THIS_MACHINE, spec, onLoopback, new ByteArrayOutputStream());
        assertEquals(List.of(), measured.skipped());
        assertEquals(List.of(), measured.failures());
        assertEquals(1, measured.results().size());
        RunResult r = measured.results().getFirst();
        assertTrue(r.getSecondaryResults().containsKey("short_sends"), r.getSecondaryResults().keySet().toString());
        assertTrue(r.getSecondaryResults().get("packets").getScore() > 0);
    }

    /**
     * Huge pages free as the run starts and taken before its rows: each row is skipped by the answer just
     * before it, and the time left counts no time for a row skipped then (nor for those skipped at the start).
     */
    @Test
    void rowsAreAskedAgainJustBeforeTheyRunAndTheTimeLeftFollows(@TempDir Path tmp) throws Exception {
        AtomicInteger asked = new AtomicInteger();
        Requirements.Machine pagesTakenAfterTheStart = new Requirements.Machine() {
            public boolean deferTaskrun() {
                return Requirements.THIS_MACHINE.deferTaskrun();
            }

            public boolean sendmsgZc() {
                return Requirements.THIS_MACHINE.sendmsgZc();
            }

            public boolean sendmsgZcFixedBuf() {
                return Requirements.THIS_MACHINE.sendmsgZcFixedBuf();
            }

            public boolean sendVectorized() {
                return Requirements.THIS_MACHINE.sendVectorized();
            }

            @Override
            public long freeHugePages() {
                // Enough for the two answers at the start, none afterwards.
                return asked.incrementAndGet() <= 2 ? 8 : 0;
            }
        };
        Row hugetlb = Row.of(Map.of("variant", "uring_zc_fixed", "payload", "4096", "memory", "hugetlb"));
        Row other = Row.of(Map.of("variant", "uring_zc_fixed", "payload", "16384", "memory", "hugetlb"));
        PlanSpec spec = new PlanSpec("test", new Timing(1, 0, 0, 1, 100), List.of(hugetlb, other));
        List<Long> left = new ArrayList<>();
        PlanRunner.Outcome outcome = new PlanRunner(spec, "loopback", new CommandLineOptions(),
                RunFolder.create(tmp, "test"), PlanRunner.RowOptions.NONE, false,
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), Duration.ofSeconds(5),
                left::add).on(pagesTakenAfterTheStart).run();
        assertEquals(2, outcome.skipped().size(), outcome.toString());
        assertEquals(List.of(), outcome.results(), "nothing forked");
        long perRow = spec.estimatedSecondsPerRow();
        assertEquals(List.of(perRow, 0L), left, "the second row's time at first, then none");
    }

    /** The plan on loopback, as a machine with only {@code machine}'s features would run it. */
    private static PlanRunner.Outcome runOn(Requirements.Machine machine, PlanSpec spec, RunFolder folder,
                                            ByteArrayOutputStream console) throws Exception {
        return new PlanRunner(spec, "loopback", new CommandLineOptions(), folder, PlanRunner.RowOptions.NONE, false,
                new PrintStream(console, true, StandardCharsets.UTF_8), Duration.ofSeconds(5), left -> { })
                .on(machine).run();
    }
}

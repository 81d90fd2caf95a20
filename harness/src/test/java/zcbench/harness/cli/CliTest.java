package zcbench.harness.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import zcbench.harness.plan.Plan;

/** The command line's conventions, in process: usage errors, help, and nothing made by bad input. */
class CliTest {
    @TempDir
    Path tmp;

    record Result(int code, String out, String err) {
    }

    static Result zcbench(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = ZcbenchCommand.commandLine().setOut(new PrintWriter(out)).setErr(new PrintWriter(err)).execute(args);
        return new Result(code, out.toString(), err.toString());
    }

    /** A dry run's lines: it prints its data on System.out (the run's data stream), not the command line's out. */
    private static List<String> dryRunLines(String... args) {
        var stdout = System.out;
        var captured = new java.io.ByteArrayOutputStream();
        System.setOut(new java.io.PrintStream(captured, true, java.nio.charset.StandardCharsets.UTF_8));
        Result r;
        try {
            r = zcbench(args);
        } finally {
            System.setOut(stdout);
        }
        assertEquals(0, r.code(), r.err());
        return captured.toString(java.nio.charset.StandardCharsets.UTF_8).lines().toList();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "-p variant=foo                         | variant 'foo' is not one of: copy, msg_zerocopy",
        "-p payload=70000                       | payload '70000' is not in 16..65507",
        "-p batch=0                             | batch '0' is not in 1..256",
        "-p flush=true -p variant=copy          | flush means nothing for copy: only uring_zc, uring_zc_fixed,"
                + " uring_sendmsg_zc and uring_sendmsg_zc_fixed",
        "-p cpu=99999                           | cpu '99999' is not a CPU this process may run on",
        "--plan smoke -p variant=foo            | variant 'foo' is not one of",
        "--plan sizes -p payload=1000           | plan sizes has no row with payload=1000",
        "--plan nope                            | unknown plan 'nope'; one of: seed, sizes, full, modern, crossover, v5, jvm, jvm-tcp, smoke",
        "--target eth0                          | unknown target 'eth0'; one of: sink, forward, peer, loopback",
        "--target udp://8.8.8.8:9               | 8.8.8.8 is not an address zcbench sends to: its traffic goes only"
                + " to loopback (127.0.0.0/8, ::1) or the benchmarking ranges 198.18.0.0/15 and 2001:2::/48",
        "-p target=tcp://[2001:db8::1]:9000     | 2001:db8:0:0:0:0:0:1 is not an address zcbench sends to",
        "-p target=udp://receiver:9000          | target udp://receiver:9000 names no IP address",
        "-p target=sink,peer                    | -p target takes one target, not sink,peer",
        "--target peer -p target=forward        | --target peer and -p target=forward say two targets; give one",
        "-p target=eth0                         | unknown target 'eth0'; one of: sink, forward, peer, loopback",
        "-f many                                | not a JMH option",
        "UdpSend                                | 'UdpSend' is not an option of run",
        "--rerun slow results/latest            | --rerun takes noisy or failed, not 'slow'",
        "--rerun noisy results --plan smoke     | --rerun repeats the settings of its run folder",
        "--rerun noisy results/nope             | results/nope is not a run folder; pass one such as results/latest",
        "--flame hot                            | unknown flame mode 'hot'",
        "--wait-limit soon                      | Invalid value for option '--wait-limit'",
        "--order sideways                       | --order sideways is not one of rounds, rows",
        "--order rows --seed 3                  | --seed orders rounds, and --order rows has none",
        "--seed soon                            | Invalid value for option '--seed'",
        "--flame cpu --order rounds             | --flame and --jfr write one graph or recording per row, which every"
                + " round would overwrite",
        "--jfr --seed 3                         | --flame and --jfr write one graph or recording per row",
    })
    void badInputIsOneLinePlusWhereToLookExitTwoAndNoRunFolder(String args, String expected) throws IOException {
        List<String> argv = new ArrayList<>(List.of("run", "--out", tmp.resolve("results").toString()));
        argv.addAll(List.of(args.split(" ")));
        Result r = zcbench(argv.toArray(String[]::new));
        assertEquals(2, r.code(), r.err());
        assertEquals("", r.out());
        List<String> lines = r.err().lines().toList();
        assertEquals(2, lines.size(), r.err());
        assertTrue(lines.get(0).startsWith("zcbench: " + expected), lines.get(0));
        assertTrue(lines.get(0).endsWith("."), lines.get(0));
        assertEquals("try 'zcbench run --help'", lines.get(1));
        assertTrue(!Files.exists(tmp.resolve("results")), "no run folder");
    }

    @Test
    void parityRefusesWhatIsNotABuildOfTheCToolBeforeAnythingRuns() {
        Result r = zcbench("parity", "--msg-zerocopy", tmp.resolve("nope").toString(), "--send-zerocopy",
                tmp.resolve("nope2").toString(), "--out", tmp.resolve("results").toString());
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().startsWith("zcbench: " + tmp.resolve("nope") + " is not an executable file; give your"
                + " build of the C tool"), r.err());
        assertTrue(r.err().contains("try 'zcbench parity --help'"), r.err());
        assertTrue(!Files.exists(tmp.resolve("results")), "no run folder");
    }

    @Test
    void usageErrorsOfOtherCommandsPointAtTheirOwnHelp() {
        Result r = zcbench("report");
        assertEquals(2, r.code());
        assertEquals(List.of("zcbench: Missing required parameter: 'PATH'.", "try 'zcbench report --help'"),
                r.err().lines().toList());
    }

    @Test
    void helpCommandAndDashHAreZcbenchsHelp() {
        Result help = zcbench("help", "run");
        assertEquals(0, help.code(), help.err());
        assertTrue(help.out().startsWith("Usage: zcbench run [--plan PLAN] [-p NAME=V1[,V2...]]..."), help.out());
        assertEquals(help.out(), zcbench("run", "-h").out());
        String planOption = help.out().substring(help.out().indexOf("--plan=PLAN"));
        for (Plan p : Plan.values()) {
            assertTrue(planOption.substring(0, planOption.indexOf("--target")).contains(p.id()),
                    "--plan's own line names plan " + p.id());
        }
        assertEquals(help.out(), zcbench("run", "--help").out());
        Result top = zcbench("-h");
        assertTrue(top.out().startsWith("Usage: zcbench [-hV] [--jmh-help] [COMMAND]"), top.out());
        assertTrue(top.out().contains("-h and --help always show zcbench's help"), top.out());
        assertEquals(top.out(), zcbench("help").out());
    }

    @Test
    void aDryRunPrintsTheRowsAndMakesNothing() {
        List<String> lines = dryRunLines("run", "--plan", "sizes", "-p", "payload=4096", "--dry-run", "--out",
                tmp.toString());
        assertEquals("plan sizes: 4 rows on sink, about 1 min 15 s (per row: 3 forks, 1 warm-up x 1000 ms, 4 measured"
                + " x 1000 ms, about 18 s)", lines.getFirst());
        assertEquals(5, lines.size(), lines.toString());
        assertTrue(lines.get(1).matches("  1  copy payload=4096 batch=8 +about 18 s, done after 18 s"), lines.get(1));
        assertTrue(lines.get(4).matches("  4  uring_zc_fixed payload=4096 batch=8 flush=false ubuf_cache=on +about 18"
                + " s, done after 1 min 12 s"), lines.get(4));
        assertEquals(0, tmp.toFile().list().length, "nothing written");
    }

    /** A row skipped here forks nothing: the dry run says why in its place and counts no time for it. */
    @Test
    void aDryRunCountsNoTimeForARowSkippedHere() {
        List<String> lines = dryRunLines("run", "-p", "variant=copy", "-p", "ip=6,4", "-p",
                "target=udp://127.0.0.1:9000", "--dry-run", "--out", tmp.toString());
        assertEquals(3, lines.size(), lines.toString());
        assertTrue(lines.getFirst().startsWith("plan custom: 2 rows on udp://127.0.0.1:9000 (1 skipped here), about 21"
                + " s (per row: 3 forks, "), lines.getFirst());
        assertTrue(lines.get(1).matches("  1  copy payload=65435 batch=8 ip=6 +skipped here: target udp://127\\.0\\.0"
                + "\\.1:9000 is an IPv4 receiver and the row sends over IPv6: give ip=4 .*"), lines.get(1));
        assertTrue(lines.get(2).matches("  2  copy payload=65435 batch=8 +about 18 s, done after 18 s"), lines.get(2));
    }

    /** -p target= is --target's synonym: the dry run names the target, the rows keep their labels. */
    @ParameterizedTest
    @CsvSource({"forward", "peer", "loopback", "udp://198.18.3.2:9000"})
    void aTargetGivenWithPChoosesTheRunsTarget(String target) {
        List<String> lines = dryRunLines("run", "--plan", "sizes", "-p", "payload=4096", "-p", "target=" + target,
                "--dry-run", "--out", tmp.toString());
        assertTrue(lines.getFirst().startsWith("plan sizes: 4 rows on " + target + ", "), lines.getFirst());
        assertTrue(lines.get(1).matches("  1  copy payload=4096 batch=8 +about 18 s, done after 18 s"), lines.get(1));
    }
}

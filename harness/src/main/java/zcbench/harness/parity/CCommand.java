package zcbench.harness.parity;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import zcbench.analysis.table.Units;
import zcbench.vocabulary.Knobs;
import zcbench.vocabulary.Row;

/**
 * The C command a zcbench row maps onto (docs/ARCHITECTURE.md, "The reference loops"; docs/C-TOOLS.md, "The same
 * row as a C run"): the kernel selftest msg_zerocopy for copy and msg_zerocopy, liburing's send-zerocopy for the io_uring
 * rows, each sending to the sink's address from the sink's namespace, pinned with its own {@code -C}.
 *
 * @param tool which of the two user-built binaries
 * @param flags the flags that make the row's loop ({@code -z}, {@code -n 8 -z 1 -b 1})
 */
public record CCommand(Tool tool, List<String> flags) {
    /** The sink's destination, as zcbench's sink routes it (docs/ARCHITECTURE.md, "Targets"). */
    static final String DESTINATION = "198.18.0.2";
    /**
     * Both tools run for 200 ms more than {@code -t} says (their {@code cfg_runtime_ms = 200 + t * 1000});
     * the selftest prints no time, so its MB/s is over that.
     */
    static final int EXTRA_MILLIS = 200;

    public enum Tool {
        /** tools/testing/selftests/net/msg_zerocopy.c: prints "tx=N (M MB) txc=C zc=y|n" on stderr. */
        SELFTEST("msg_zerocopy", Pattern.compile("tx=(\\d+) \\((\\d+) MB\\)")),
        /** liburing's examples/send-zerocopy.c: prints "packets=N (MB=M), rps=R (MB/s=X)" on stdout. */
        LIBURING("send-zerocopy", Pattern.compile("packets=(\\d+) \\(MB=\\d+\\), rps=(\\d+) \\(MB/s=\\d+\\)"));

        private final String id;
        private final Pattern result;

        Tool(String id, Pattern result) {
            this.id = id;
            this.result = result;
        }

        public String id() {
            return id;
        }
    }

    /** The row's C command, or empty for a row no C tool runs (a knob off its default, a batch for syscalls). */
    public static Optional<CCommand> of(Row row) {
        String variant = row.value(Knobs.VARIANT.name());
        int batch = Integer.parseInt(row.value(Knobs.BATCH.name()));
        return switch (variant) {
            case "copy" -> batch == 1 ? Optional.of(new CCommand(Tool.SELFTEST, List.of())) : Optional.empty();
            case "msg_zerocopy" -> batch == 1 ? Optional.of(new CCommand(Tool.SELFTEST, List.of("-z")))
                    : Optional.empty();
            case "uring_send" -> Optional.of(new CCommand(Tool.LIBURING, List.of("-n", "" + batch, "-z", "0")));
            case "uring_zc" -> Optional.of(new CCommand(Tool.LIBURING, List.of("-n", "" + batch, "-z", "1", "-b", "0")));
            case "uring_zc_fixed" -> Optional.of(new CCommand(Tool.LIBURING,
                    List.of("-n", "" + batch, "-z", "1", "-b", "1")));
            default -> Optional.empty();
        };
    }

    /** The command line: the binary, the address, the CPU, the payload and time, the row's flags, udp. */
    public List<String> argv(Path binary, int cpu, int payload, int seconds) {
        List<String> argv = new ArrayList<>(List.of(binary.toString(), "-4", "-D", DESTINATION, "-C", "" + cpu,
                "-s", "" + payload, "-t", "" + seconds));
        argv.addAll(flags);
        argv.add("udp");
        return argv;
    }

    /** As docs/C-TOOLS.md names it: "msg_zerocopy -z", "send-zerocopy -n 8 -z 1 -b 1". */
    public String describe() {
        return (tool.id() + " " + String.join(" ", flags)).strip();
    }

    /**
     * MB/s (MiB/s) from what the tool printed: packets x payload / 2^20 over its run time; the selftest's time is
     * {@code seconds} + 200 ms, liburing's its own packets per second.
     *
     * @throws IllegalArgumentException when the output has no result line, with what it printed
     */
    public double mbPerSecond(String output, int payload, int seconds) {
        Matcher m = tool.result.matcher(output);
        if (!m.find()) {
            throw new IllegalArgumentException(tool.id() + " printed no result line (" + (tool == Tool.SELFTEST
                    ? "tx=N (M MB)" : "packets=N (MB=M), rps=R (MB/s=X)") + "): " + output.lines().limit(5)
                    .reduce((a, b) -> a + " / " + b).orElse("nothing"));
        }
        double perPacket = Units.mibPerOperation(1, payload);
        if (tool == Tool.SELFTEST) {
            return Long.parseLong(m.group(1)) * perPacket / (seconds + EXTRA_MILLIS / 1000.0);
        }
        return Long.parseLong(m.group(2)) * perPacket;
    }
}

package zcbench.harness.parity;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import zcbench.harness.run.ParityRun;
import zcbench.harness.run.PlanRunner;
import zcbench.harness.run.TrialOrder;
import zcbench.linux.exec.TimedCommand;
import zcbench.vocabulary.Knobs;
import zcbench.vocabulary.Row;

/** zcbench parity's two sides: the rows' forks by {@link ParityRun}, their C commands in {@link CSink}. */
public final class ParityTrials {
    /**
     * The user's two builds and how to run them.
     *
     * @param grace how long a C run may take beyond its own time before it is killed
     */
    public record Tools(Path msgZerocopy, Path sendZerocopy, int cpu, int seconds, int grace) {
        Path binary(CCommand.Tool tool) {
            return tool == CCommand.Tool.SELFTEST ? msgZerocopy : sendZerocopy;
        }
    }

    private ParityTrials() {
    }

    /** Makes the C tools' sink, runs the rounds, and removes the sink. */
    public static List<ParityRun.Measured> run(PlanRunner runner, TrialOrder order, int rounds, List<Row> rows,
                                               List<CCommand> commands, Tools tools) {
        try (CSink sink = CSink.open()) {
            return new ParityRun(runner, order, rounds, i -> once(sink, rows.get(i), commands.get(i), tools),
                    tools.seconds() + 1).run();
        }
    }

    /** One C run: its MB/s, or an exception with what it printed. */
    static double once(CSink sink, Row row, CCommand command, Tools tools) {
        int payload = Integer.parseInt(row.value(Knobs.PAYLOAD.name()));
        List<String> argv = command.argv(tools.binary(command.tool()), tools.cpu(), payload, tools.seconds());
        TimedCommand.Ended ended = sink.exec(argv, Duration.ofSeconds(tools.seconds() + tools.grace()));
        if (ended.exit() != 0) {
            throw new IllegalStateException(String.join(" ", argv) + " exited " + ended.exit() + ": "
                    + ended.output().lines().limit(5).reduce((a, b) -> a + " / " + b).orElse("nothing"));
        }
        return command.mbPerSecond(ended.output(), payload, tools.seconds());
    }
}

package zcbench.harness.cli;

import java.io.PrintStream;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import zcbench.harness.run.TrialOrder;

/** run's --order and --seed: in which order the rows' forks are measured (docs/ARCHITECTURE.md, "Rounds"). */
public final class OrderOptions {
    @Spec(Spec.Target.MIXEE)
    CommandSpec run;

    @Option(names = "--order", paramLabel = "rounds|rows",
            description = "rounds (the default): a run of R forks per row is R rounds, each running one fork of"
                    + " every row, the rows in a new random order each round, so that the machine's drift reaches"
                    + " every row alike and a ratio compares forks that ran seconds apart (trials.csv shows each"
                    + " fork's time). rows: each row's forks back to back, rows in plan order, as JMH runs them;"
                    + " what a session that looks at one row as a whole wants: flame graphs and JFR (--flame and"
                    + " --jfr use it), a profiler given with -prof, or a look at one row's warm-up.")
    String order;

    @Option(names = "--seed", paramLabel = "N",
            description = "The seed of the rounds' order, printed as the run starts and kept in env.json: the same"
                    + " seed and rows, the same order.")
    Long seed;

    /**
     * The order asked for. --flame and --jfr write one file per row, which each round's fork would overwrite:
     * they measure rows one after another, and say so.
     *
     * @throws ParameterException for a combination that cannot be, in a sentence for the user
     */
    TrialOrder choose(boolean profilesRows, PrintStream progress) {
        try {
            return chosen(profilesRows, progress);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(run.commandLine(), e.getMessage());
        }
    }

    private TrialOrder chosen(boolean profilesRows, PrintStream progress) {
        TrialOrder.Kind kind = order == null ? null : TrialOrder.Kind.of(order);
        if (kind == TrialOrder.Kind.ROWS && seed != null) {
            throw new IllegalArgumentException("--seed orders rounds, and --order rows has none; leave out one");
        }
        if (profilesRows) {
            if (kind == TrialOrder.Kind.ROUNDS || seed != null) {
                throw new IllegalArgumentException("--flame and --jfr write one graph or recording per row, which"
                        + " every round would overwrite: they measure with --order rows (leave out --order and"
                        + " --seed)");
            }
            if (kind == null) {
                progress.println("zcbench: --flame/--jfr: rows one after another (--order rows), so that each row's"
                        + " graph or recording covers its forks");
            }
            return TrialOrder.ROWS;
        }
        if (kind == TrialOrder.Kind.ROWS) {
            return TrialOrder.ROWS;
        }
        return seed == null ? TrialOrder.freshRounds() : TrialOrder.rounds(seed);
    }
}

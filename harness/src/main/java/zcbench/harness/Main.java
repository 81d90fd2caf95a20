package zcbench.harness;

import java.util.Set;

import picocli.CommandLine;
import zcbench.harness.cli.RunCommand;
import zcbench.harness.cli.ZcbenchCommand;

/**
 * The entry point of benchmarks.jar. zcbench's own commands (run, env, report, compare,
 * flame-diff, --help) go to picocli; no arguments mean {@code run --plan seed}; anything else is
 * JMH's command line and goes to JMH's own Main unchanged, so {@code -l}, {@code -h}, a regex,
 * {@code -p}, {@code -prof} and {@code -f} behave as in any JMH jar.
 */
public final class Main {
    private static final Set<String> OWN = Set.of("run", "env", "report", "compare", "flame-diff", "help", "--help",
            "--version", "-V");

    private Main() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            args = new String[] {"run", "--plan", "seed"};
        }
        if (OWN.contains(args[0])) {
            System.exit(commandLine().execute(args));
        }
        org.openjdk.jmh.Main.main(args);
    }

    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new ZcbenchCommand()).setUnmatchedOptionsArePositionalParams(false);
        // Computed from the plans, so that the help can never state another timing than the one run.
        cl.getSubcommands().get("run").getCommandSpec().usageMessage().description(RunCommand.description());
        return cl;
    }
}

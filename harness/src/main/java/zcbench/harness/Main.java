package zcbench.harness;

import java.util.Set;

import zcbench.harness.cli.ZcbenchCommand;

/**
 * The entry point of benchmarks.jar. zcbench's own commands (run, env, report, compare,
 * flame-diff, help) and options (-h, --help, --jmh-help, --version) go to picocli; no arguments
 * mean {@code run --plan seed}; anything else is JMH's command line and goes to JMH's own Main
 * unchanged, so {@code -l}, a regex, {@code -p}, {@code -prof} and {@code -f} behave as in any JMH jar.
 */
public final class Main {
    private static final Set<String> OWN = Set.of("run", "parity", "receive", "env", "report", "compare",
            "flame-diff", "help", "-h", "--help", "--jmh-help", "--version", "-V");

    private Main() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            args = new String[] {"run", "--plan", "seed"};
        }
        if (OWN.contains(args[0])) {
            System.exit(ZcbenchCommand.commandLine().execute(args));
        }
        org.openjdk.jmh.Main.main(args);
    }
}

package zcbench.harness.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.Callable;

import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import zcbench.analysis.cli.CompareCommand;
import zcbench.analysis.cli.ReportCommand;
import zcbench.profiles.cli.FlameDiffCommand;

@Command(name = "zcbench",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Measures the Linux UDP send paths (copy, MSG_ZEROCOPY, io_uring send, io_uring zero-copy send with"
                + " normal and registered buffers) and reproduces the speedup table of the RFC \"zerocopy send via"
                + " io_uring\" on this machine.",
            "",
            "With no arguments: run --plan seed (the RFC's rows on the sink; run --help gives every plan's timing)."},
        subcommands = {RunCommand.class, ParityCommand.class, ReceiveCommand.class, EnvCommand.class, ReportCommand.class, CompareCommand.class,
            FlameDiffCommand.class, HelpCommand.class},
        footer = {
            "",
            "-h and --help always show zcbench's help, here and after any command (zcbench help COMMAND says the same).",
            "JMH's own options: zcbench --jmh-help. Anything else is JMH's command line, exactly as in any JMH jar:",
            "  zcbench -l    lists the benchmarks",
            "  zcbench SendBenchmark -p variant=uring_zc_fixed -p batch=8 -prof gc",
            "",
            "Data (tables, env, dry-run rows) goes to stdout; progress and warnings go to stderr.",
            "Needs root for the sink (a network namespace with an ifb device); without it runs fall back to loopback."})
public final class ZcbenchCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--jmh-help", description = "Show JMH's own options (those run passes on to JMH) and exit.")
    boolean jmhHelp;

    @Override
    public Integer call() {
        if (jmhHelp) {
            try {
                new CommandLineOptions("-h").showHelp();
            } catch (CommandLineOptionException e) {
                throw new IllegalStateException(e);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return 0;
        }
        spec.commandLine().usage(spec.commandLine().getOut());
        return 0;
    }

    /** zcbench's command line: usage errors in one line and a pointer to --help, exit 2. */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new ZcbenchCommand())
                .setUnmatchedOptionsArePositionalParams(false)
                .setParameterExceptionHandler(CliErrors::usage)
                .setExecutionExceptionHandler(CliErrors::failure);
        // Computed from the plans, so that the help can never state another timing than the one run.
        cl.getSubcommands().get("run").getCommandSpec().usageMessage().description(RunUsage.description());
        return cl;
    }
}

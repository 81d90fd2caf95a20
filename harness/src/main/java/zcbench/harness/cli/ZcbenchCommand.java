package zcbench.harness.cli;

import picocli.CommandLine.Command;
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
        subcommands = {RunCommand.class, EnvCommand.class, ReportCommand.class, CompareCommand.class,
            FlameDiffCommand.class},
        footer = {
            "",
            "Any other arguments are JMH's, exactly as in any JMH jar: -l lists the benchmarks, -h shows JMH's",
            "options, e.g. java -jar benchmarks.jar UdpSendBenchmark -p variant=uring_zc_fixed -p batch=8 -prof gc",
            "",
            "Needs root for the sink (a network namespace with an ifb device); without it runs fall back to loopback."})
public final class ZcbenchCommand implements Runnable {
    @Override
    public void run() {
        new picocli.CommandLine(this).usage(System.out);
    }
}

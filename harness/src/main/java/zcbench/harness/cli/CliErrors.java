package zcbench.harness.cli;

import java.io.PrintWriter;

import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/** How zcbench answers bad input and failures: one line each, on stderr, never a stack trace. */
final class CliErrors {
    /** Exit status of a usage error: nothing ran. */
    static final int USAGE = 2;

    private CliErrors() {
    }

    /** "zcbench: unknown plan 'nope'; one of: ..." and "try 'zcbench run --help'". */
    static int usage(ParameterException e, String[] args) {
        CommandLine cmd = e.getCommandLine();
        PrintWriter err = cmd.getErr();
        err.println("zcbench: " + sentence(e.getMessage()));
        err.println("try '" + cmd.getCommandSpec().qualifiedName() + " --help'");
        err.flush();
        return USAGE;
    }

    /** An error while running: its message, exit 1. */
    static int failure(Exception e, CommandLine cmd, ParseResult parsed) {
        PrintWriter err = cmd.getErr();
        String message = e.getMessage() == null ? e.getClass().getName() : e.getMessage();
        err.println("zcbench: " + sentence(message.lines().findFirst().orElse(message)));
        err.flush();
        return 1;
    }

    /** First letter as written; a full stop at the end unless the message has one. */
    static String sentence(String message) {
        String m = message.strip();
        return m.endsWith(".") || m.endsWith("?") || m.endsWith("!") ? m : m + ".";
    }
}

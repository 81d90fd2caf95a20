package zcbench.harness.cli;

import java.io.PrintWriter;

import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/** How zcbench answers bad input and failures: one line each, on stderr, never a stack trace. */
final class CliErrors {
    private CliErrors() {
    }

    /** "zcbench: unknown plan 'nope'; one of: ..." and "try 'zcbench run --help'". */
    static int usage(ParameterException e, String[] args) {
        CommandLine cmd = e.getCommandLine();
        PrintWriter err = cmd.getErr();
        err.println("zcbench: " + sentence(e.getMessage()));
        err.println("try '" + cmd.getCommandSpec().qualifiedName() + " --help'");
        err.flush();
        return ExitStatus.USAGE;
    }

    /** An error while running: its message, exit {@link ExitStatus#FAILED}. */
    static int failure(Exception e, CommandLine cmd, ParseResult parsed) {
        PrintWriter err = cmd.getErr();
        String message = e.getMessage() == null ? e.getClass().getName() : e.getMessage();
        err.println("zcbench: " + sentence(message.lines().findFirst().orElse(message)));
        err.flush();
        return ExitStatus.FAILED;
    }

    /** First letter as written; a full stop at the end unless the message has one. */
    static String sentence(String message) {
        String m = message.strip();
        return m.endsWith(".") || m.endsWith("?") || m.endsWith("!") ? m : m + ".";
    }
}

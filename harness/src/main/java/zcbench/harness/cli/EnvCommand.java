package zcbench.harness.cli;

import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import zcbench.harness.env.Environment;

@Command(name = "env", mixinStandardHelpOptions = true,
        description = "Prints what a run depends on (zcbench's commit, kernel and its boot command line, io_uring"
                + " opcodes, root and sink, CPUs, their governor, frequency and vulnerability mitigations, transparent"
                + " huge pages, JDK, optmem_max, memlock limit, perf_event_paranoid, kptr_restrict) and exits.")
public final class EnvCommand implements Callable<Integer> {
    @Option(names = "--json", description = "Print JSON, as written to env.json beside every result.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        var env = Environment.capture();
        if (json) {
            System.out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(env));
        } else {
            System.out.print(Environment.render(env));
        }
        return 0;
    }
}

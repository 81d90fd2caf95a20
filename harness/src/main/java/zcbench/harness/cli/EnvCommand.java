package zcbench.harness.cli;

import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import zcbench.harness.env.Environment;
import zcbench.harness.targets.SinkNetwork;

@Command(name = "env", mixinStandardHelpOptions = true,
        description = {"Prints what a run depends on (zcbench's commit, kernel and its boot command line, io_uring"
                + " opcodes, root and sink, CPUs, their governor, frequency and vulnerability mitigations, transparent"
                + " huge pages, JDK, optmem_max, memlock limit, perf_event_paranoid, kptr_restrict) and exits.",
            "Also lists the namespaces of the targets (zcbench-<pid>-<n>[-r|-p]) left by killed runs and, as root,"
                + " removes them, as"
                + " every run does before it starts."})
public final class EnvCommand implements Callable<Integer> {
    @Option(names = "--json", description = "Print JSON, as written to env.json beside every result.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        Map<String, Object> env = Environment.capture();
        env.put("stale_namespaces", staleNamespaces());
        if (json) {
            System.out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(env));
        } else {
            System.out.print(Environment.render(env));
        }
        return 0;
    }

    /** What was left by killed runs, and what became of it. */
    static String staleNamespaces() {
        try {
            if (SinkNetwork.unavailableReason() != null) {
                List<String> left = SinkNetwork.staleNamespaces();
                return left.isEmpty() ? "none" : String.join(", ", left) + " (left by killed runs; removing them needs"
                        + " root)";
            }
            List<String> removed = SinkNetwork.removeStale();
            return removed.isEmpty() ? "none" : "removed " + String.join(", ", removed) + " (left by killed runs)";
        } catch (RuntimeException e) {
            return "unknown: " + e.getMessage();
        }
    }
}

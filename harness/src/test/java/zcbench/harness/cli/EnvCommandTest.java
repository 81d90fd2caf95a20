package zcbench.harness.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import zcbench.harness.targets.SinkNetwork;

/** env lists the sink namespaces that killed runs left, and removes them. */
class EnvCommandTest {
    @Test
    void removesANamespaceLeftByAKilledRun() throws Exception {
        assumeTrue(SinkNetwork.unavailableReason() == null, "needs root and iproute2");
        Process gone = new ProcessBuilder("true").start();
        assertEquals(0, gone.waitFor(10, TimeUnit.SECONDS) ? gone.exitValue() : -1);
        String name = "zcbench-" + gone.pid() + "-1";
        Process add = new ProcessBuilder("ip", "netns", "add", name).inheritIO().start();
        assertEquals(0, add.waitFor(10, TimeUnit.SECONDS) ? add.exitValue() : -1, "ip netns add " + name);
        try {
            String said = EnvCommand.staleNamespaces();
            assertTrue(said.startsWith("removed ") && said.contains(name) && said.endsWith("(left by killed runs)"),
                    said);
            assertFalse(SinkNetwork.listNamespaces().contains(name));
        } finally {
            if (SinkNetwork.listNamespaces().contains(name)) {
                new ProcessBuilder("ip", "netns", "delete", name).inheritIO().start().waitFor(10, TimeUnit.SECONDS);
            }
        }
    }
}

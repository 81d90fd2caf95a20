package zcbench.harness.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class JmhArgsTest {
    @Test
    void rowParametersAreTakenOutAndTheRestIsLeftForJmh() {
        JmhArgs a = JmhArgs.split(List.of("-wi", "0", "-p", "batch=1,8", "-prof", "gc", "-p", "variant=copy",
                "-p", "batch=16"));
        assertEquals(Map.of("batch", List.of("1", "8", "16"), "variant", List.of("copy")), a.rowParams());
        assertEquals(List.of("-wi", "0", "-prof", "gc"), a.rest());
        assertEquals(Map.of("payload", List.of()), JmhArgs.split(List.of("-p", "payload=")).rowParams());
    }

    @Test
    void optionsGivenAgainReplaceTheStoredOnesByName() {
        assertEquals(List.of("-wi", "0", "-prof", "gc", "-i", "20", "-f", "2"),
                JmhArgs.override(List.of("-wi", "0", "-i", "1", "-prof", "gc"), List.of("-i", "20", "-f", "2")));
        assertEquals(List.of("-i", "1", "-jvmArgs", "-Xmx1g"),
                JmhArgs.override(List.of("-jvmArgs", "-Xmx2g", "-i", "1"), List.of("-jvmArgs", "-Xmx1g")));
    }
}

package zcbench.harness.env;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.Test;

import zcbench.linux.proc.CpuTicks;

/** What env.json records beyond the kernel and sysctls: provenance, and what a number depends on. */
class EnvironmentTest {

    @Test
    void recordsVersionCommandLineAndWhatANumberDependsOn() {
        Map<String, Object> env = Environment.capture();
        for (String key : new String[] {"zcbench_version", "command_line", "kernel_cmdline", "transparent_hugepage",
            "transparent_hugepage_defrag", "hugepages_total", "hugepages_free", "hugepagesize", "cpu_governor", "cpu_frequency_khz", "cpu_vulnerabilities",
            "loadavg_at_start"}) {
            assertTrue(env.containsKey(key), key);
            assertFalse(String.valueOf(env.get(key)).isBlank(), key);
        }
        // This JVM's own command line: the test runner's java, whatever it was given.
        assertTrue(String.valueOf(env.get("command_line")).contains("java"), String.valueOf(env.get("command_line")));
        assertTrue(String.valueOf(env.get("transparent_hugepage")).matches("always|madvise|never|unreadable.*"),
                String.valueOf(env.get("transparent_hugepage")));
    }

    @Test
    void listsTheSendPathsThisKernelHas() {
        Map<String, Object> env = Environment.capture();
        // This machine runs Linux 6.18, which has them all.
        assertEquals("yes", env.get("io_uring_sendmsg_zc"));
        assertEquals("yes", env.get("io_uring_sendmsg_zc_fixed_buf"));
        assertEquals("yes", env.get("io_uring_send_vectorized"));
    }

    @Test
    void argumentsAreQuotedOnlyWhereAShellNeedsIt() {
        assertEquals("-Dx=1", Environment.quote("-Dx=1"));
        assertEquals("/usr/bin/java", Environment.quote("/usr/bin/java"));
        assertEquals("'a b'", Environment.quote("a b"));
        assertEquals("'it'\\''s'", Environment.quote("it's"));
    }

    @Test
    void theVersionIsTheCommitWithDirtyWhenTheTreeHadChanges() {
        Properties clean = new Properties();
        clean.setProperty("git.commit.id.abbrev", "0123456789ab");
        clean.setProperty("git.dirty", "false");
        assertEquals("0123456789ab", BuildVersion.of(clean));
        Properties dirty = new Properties();
        dirty.putAll(clean);
        dirty.setProperty("git.dirty", "true");
        assertEquals("0123456789ab-dirty", BuildVersion.of(dirty));
        assertTrue(BuildVersion.of(new Properties()).startsWith("unknown"));
        // The build stamped this module's classes: the version is a commit, not "unknown".
        assertTrue(BuildVersion.get().matches("[0-9a-f]{12}(-dirty)?"), BuildVersion.get());
    }

    @Test
    void theMachinesCpuTimeIsReadForTheSteal() {
        CpuTicks ticks = RunEnvironment.machineTicks().orElseThrow();
        assertTrue(ticks.total() > 0, ticks.toString());
    }
}

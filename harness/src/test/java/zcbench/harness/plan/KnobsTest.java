package zcbench.harness.plan;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import zcbench.harness.bench.DeclaredParams;
import zcbench.linux.net.IpVersion;
import zcbench.variants.PayloadMemory;
import zcbench.variants.SendConfig;
import zcbench.variants.Stamp;
import zcbench.vocabulary.Knob;
import zcbench.vocabulary.Knobs;
import zcbench.vocabulary.Row;
import zcbench.vocabulary.Variant;

/** The knob table agrees with the benchmark it describes and with what the senders accept. */
class KnobsTest {

    @Test
    void everyParameterOfTheBenchmarkIsAKnobWithTheSameDefault() {
        Map<String, List<String>> declared = DeclaredParams.ofSend();
        assertTrue(declared.containsKey("variant") && declared.containsKey(Knobs.TARGET), declared.toString());
        for (Map.Entry<String, List<String>> p : declared.entrySet()) {
            if (p.getKey().equals(Knobs.TARGET)) {
                continue;
            }
            Knob knob = Knobs.of(p.getKey()).orElse(null);
            assertNotNull(knob, "SendBenchmark has @Param " + p.getKey() + " but Knobs has no line for it");
            assertEquals(p.getValue(), knob.defaults(), "default of " + p.getKey());
        }
    }

    /** The other way round: a knob in Knobs that the benchmark lacks could never be measured. */
    @Test
    void everyKnobIsAParameterOfTheBenchmark() {
        Set<String> declared = DeclaredParams.ofSend().keySet();
        for (String knob : Knobs.names()) {
            assertTrue(declared.contains(knob), "Knobs has " + knob + " but SendBenchmark has no @Param " + knob);
        }
    }

    @Test
    void pollAndVerifyAreKnownBeforeTheBenchmarkHasThem() {
        Knob poll = Knobs.of("poll").orElseThrow();
        assertEquals(Set.of(Variant.of("copy"), Variant.of("msg_zerocopy")), poll.variants());
        assertEquals("true", poll.defaultValue());
        Knob verify = Knobs.of("verify").orElseThrow();
        assertEquals(Set.copyOf(Variant.all()), verify.variants());
        assertEquals("false", verify.defaultValue());
        assertNull(RowSelection.problem(verify, "true"));
        assertEquals("not one of: true, false", RowSelection.problem(verify, "yes"));
    }

    @Test
    void rangesAreWhatTheSendersAccept() {
        assertDoesNotThrow(() -> SendConfig.of(Variant.of("uring_zc_fixed"), Stamp.HEADER_BYTES, Knobs.MAX_BATCH));
        assertDoesNotThrow(() -> SendConfig.of(Variant.of("uring_zc_fixed"), SendConfig.MAX_UDP_PAYLOAD, 1));
        assertThrows(IllegalArgumentException.class, () -> SendConfig.of(Variant.of("copy"), 4096, Knobs.MAX_BATCH + 1));
        assertThrows(IllegalArgumentException.class, () -> SendConfig.of(Variant.of("copy"), Stamp.HEADER_BYTES - 1, 1));
        assertThrows(IllegalArgumentException.class,
                () -> SendConfig.of(Variant.of("copy"), SendConfig.MAX_UDP_PAYLOAD + 1, 1));
        Knob payload = Knobs.of("payload").orElseThrow();
        Knob batch = Knobs.of("batch").orElseThrow();
        assertNull(RowSelection.problem(payload, Integer.toString(Stamp.HEADER_BYTES)));
        assertNull(RowSelection.problem(payload, "65507"));
        assertNotNull(RowSelection.problem(payload, "65508"));
        assertDoesNotThrow(() -> SendConfig.of(Variant.of("copy"), Knobs.MAX_PAYLOAD_IPV6, 1).with(Knobs.IP, IpVersion.V6.id()));
        assertThrows(IllegalArgumentException.class,
                () -> SendConfig.of(Variant.of("copy"), Knobs.MAX_PAYLOAD_IPV6 + 1, 1).with(Knobs.IP, IpVersion.V6.id()));
        assertNull(Knobs.PAYLOAD_IPV6.problem("65487", RowSelection.ALLOWED_CPUS));
        assertNotNull(Knobs.PAYLOAD_IPV6.problem("65488", RowSelection.ALLOWED_CPUS));
        assertNotNull(RowSelection.problem(payload, Integer.toString(Stamp.HEADER_BYTES - 1)));
        assertNull(RowSelection.problem(batch, "256"));
        assertNotNull(RowSelection.problem(batch, "0"));
        assertNotNull(RowSelection.problem(batch, "257"));
        assertNotNull(RowSelection.problem(batch, "eight"));
    }

    /** A knob the table says means nothing for a variant is one the sender refuses to set. */
    @ParameterizedTest
    @MethodSource("zcbench.vocabulary.Variant#all")
    void appliesToMatchesWhatTheSenderRefuses(Variant v) {
        SendConfig reference = SendConfig.of(v, 4096, 8);
        boolean flushAccepted = accepts(() -> reference.with(Knobs.FLUSH, "true"));
        boolean ubufOffAccepted = accepts(() -> reference.with(Knobs.UBUF_CACHE, "off"));
        assertEquals(flushAccepted, Knobs.of("flush").orElseThrow().appliesTo(v), "flush for " + v.id());
        assertEquals(ubufOffAccepted, Knobs.of("ubuf_cache").orElseThrow().appliesTo(v), "ubuf_cache for " + v.id());
        boolean noPollAccepted = accepts(() -> reference.with(Knobs.POLL, "false"));
        assertEquals(noPollAccepted, Knobs.of("poll").orElseThrow().appliesTo(v), "poll for " + v.id());
        boolean deferAccepted = accepts(() -> reference.with(Knobs.SETUP, "defer"));
        assertEquals(deferAccepted, Knobs.SETUP.appliesTo(v), "setup for " + v.id());
        boolean thpAccepted = accepts(() -> reference.with(Knobs.MEMORY, PayloadMemory.THP.id()));
        assertEquals(thpAccepted, Knobs.MEMORY.appliesTo(v), "memory for " + v.id());
        boolean ipv6Accepted = accepts(() -> reference.with(Knobs.IP, IpVersion.V6.id()));
        assertEquals(ipv6Accepted, Knobs.IP.appliesTo(v), "ip for " + v.id());
        boolean vectorsAccepted = accepts(() -> reference.with(Knobs.IOV, "2"));
        assertEquals(vectorsAccepted, Knobs.IOV.appliesTo(v), "iov for " + v.id());
        boolean latencyAccepted = accepts(() -> reference.with(Knobs.LATENCY, "true"));
        assertEquals(latencyAccepted, Knobs.LATENCY.appliesTo(v), "latency for " + v.id());
        assertEquals(v.zeroCopy(), latencyAccepted, "latency for the zero-copy variants only: " + v.id());
    }

    @Test
    void latencyIsOffByDefaultShownWhenOnAndRefusedWhereNoNotificationComes() {
        assertEquals("false", Knobs.LATENCY.defaultValue());
        assertEquals(Knob.Shown.WHEN_CHANGED, Knobs.LATENCY.shown());
        assertEquals("uring_zc_fixed payload=65435 batch=8 flush=false ubuf_cache=on latency=true",
                Row.of(Map.of("variant", "uring_zc_fixed", "latency", "true")).label());
        assertEquals("uring_zc_fixed payload=65435 batch=8 flush=false ubuf_cache=on",
                Row.of(Map.of("variant", "uring_zc_fixed", "latency", "false")).label(), "shown only when changed");
        assertEquals("uring_zc_fixed-65435-b8-flush=false-ubuf_cache=on-latency=true-sink",
                Row.of(Map.of("variant", "uring_zc_fixed", "latency", "true")).key("sink"));
        assertNull(RowSelection.problem(Knobs.LATENCY, "true"));
        assertNotNull(RowSelection.problem(Knobs.LATENCY, "yes"));
        IllegalArgumentException copy = assertThrows(IllegalArgumentException.class,
                () -> SendConfig.of(Map.of("variant", "copy", "latency", "true")::get));
        assertEquals("latency=true means nothing for copy: only msg_zerocopy, uring_zc, uring_zc_fixed,"
                + " uring_sendmsg_zc and uring_sendmsg_zc_fixed get notifications", copy.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> SendConfig.of(Map.of("variant", "uring_send", "latency", "true")::get));
        IllegalArgumentException word = assertThrows(IllegalArgumentException.class,
                () -> SendConfig.of(Map.of("variant", "uring_zc", "latency", "on")::get));
        assertEquals("latency must be true or false, not 'on'", word.getMessage());
        assertTrue(SendConfig.of(Map.of("variant", "msg_zerocopy", "latency", "true")::get).latency());
        // The cost of the knob is measured as a row pair: -p latency=false,true makes both rows.
        List<Row> pair = RowSelection.of(Map.of("variant", List.of("uring_zc_fixed"), "latency",
                List.of("false", "true")), DeclaredParams.ofSend().keySet()).custom();
        assertEquals(List.of("false", "true"), pair.stream().map(r -> r.value("latency")).toList());
    }

    @Test
    void cpuTakesLastMinusOneOrACpuThisProcessMayUse() {
        Knob cpu = Knobs.of("cpu").orElseThrow();
        assertNull(RowSelection.problem(cpu, "last"));
        assertNull(RowSelection.problem(cpu, "-1"));
        assertNull(RowSelection.problem(cpu, "0"));
        String problem = RowSelection.problem(cpu, "4096");
        assertNotNull(problem);
        assertTrue(problem.contains("last, -1 (unpinned) or one of {"), problem);
        assertNotNull(RowSelection.problem(cpu, "-2"));
    }

    @Test
    void threadsTakeOneUpToTheCpusThisProcessMayUse() {
        int cpus = RowSelection.ALLOWED_CPUS.get().cardinality();
        assertEquals("1", Knobs.THREADS.defaultValue());
        assertEquals(Knob.Shown.WHEN_CHANGED, Knobs.THREADS.shown());
        assertEquals(Set.copyOf(Variant.all()), Knobs.THREADS.variants());
        assertNull(RowSelection.problem(Knobs.THREADS, "1"));
        assertNull(RowSelection.problem(Knobs.THREADS, Integer.toString(cpus)));
        String problem = RowSelection.problem(Knobs.THREADS, Integer.toString(cpus + 1));
        assertEquals("not in 1.." + cpus + ": one sender per CPU, and this process may run on " + cpus + " CPU"
                + (cpus == 1 ? " " : "s ") + RowSelection.ALLOWED_CPUS.get(), problem);
        IllegalArgumentException tooMany = assertThrows(IllegalArgumentException.class, () -> RowSelection.of(
                Map.of("threads", List.of(Integer.toString(cpus + 1))), DeclaredParams.ofSend().keySet()));
        assertEquals("threads '" + (cpus + 1) + "' is " + problem, tooMany.getMessage());
        assertNotNull(RowSelection.problem(Knobs.THREADS, "0"));
        assertNotNull(RowSelection.problem(Knobs.THREADS, "two"));
        Row two = Row.of(Map.of("variant", "copy", "payload", "4096", "threads", "2"));
        assertEquals("copy payload=4096 batch=8 threads=2", two.label());
        assertEquals("copy payload=4096 batch=8", Row.of(Map.of("variant", "copy", "payload", "4096",
                "threads", "1")).label(), "shown only when changed");
    }

    @Test
    void labelsShowTheKnobsOfTheVariantAndChangedOnesOnly() {
        Row copy = Row.of(Variant.of("copy"), 4096, 8, false, true);
        assertEquals("copy payload=4096 batch=8", copy.label());
        Row fixed = Row.of(Map.of("variant", "uring_zc_fixed", "verify", "true", "cpu", "1"));
        assertEquals("uring_zc_fixed payload=65435 batch=8 flush=false ubuf_cache=on verify=true cpu=1", fixed.label());
        Row unpolled = Row.of(Map.of("variant", "msg_zerocopy", "poll", "false"));
        assertEquals("msg_zerocopy payload=65435 batch=8 ubuf_cache=on poll=false", unpolled.label());
    }

    private static boolean accepts(Runnable r) {
        try {
            r.run();
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}

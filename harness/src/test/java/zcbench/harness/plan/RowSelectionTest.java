package zcbench.harness.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import zcbench.linux.net.Protocol;
import zcbench.variants.SendConfig;
import zcbench.vocabulary.Knob;
import zcbench.vocabulary.Knobs;
import zcbench.vocabulary.Row;
import zcbench.vocabulary.Variant;

class RowSelectionTest {
    /** The benchmark once poll and verify are in it. */
    private static final Set<String> ALL_DECLARED = Set.copyOf(Knobs.names());

    private static RowSelection select(String... nameValues) {
        return select(ALL_DECLARED, nameValues);
    }

    private static RowSelection select(Set<String> declared, String... nameValues) {
        Map<String, List<String>> given = new LinkedHashMap<>();
        for (String nv : nameValues) {
            String[] p = nv.split("=", 2);
            given.put(p[0], List.of(p[1].split(",")));
        }
        return RowSelection.of(given, declared);
    }

    private static List<String> labels(List<Row> rows) {
        return rows.stream().map(Row::label).toList();
    }

    @Test
    void withoutAPlanTheValuesMakeTheRows() {
        List<Row> rows = select("variant=uring_zc_fixed", "batch=1,8", "payload=16384").custom();
        assertEquals(List.of("uring_zc_fixed payload=16384 batch=1 flush=false ubuf_cache=on",
                "uring_zc_fixed payload=16384 batch=8 flush=false ubuf_cache=on"), labels(rows));
    }

    @Test
    void withAPlanTheValuesFilterItsRows() {
        List<Row> rows = select("payload=4096").filter("sizes", Plan.SIZES.rows());
        assertEquals(4, rows.size());
        assertTrue(rows.stream().allMatch(r -> r.value("payload").equals("4096")), labels(rows).toString());
        assertEquals(Plan.SIZES.rows().subList(0, 4), rows, "in the plan's order");
    }

    @Test
    void aKnobAloneSelectsTheVariantsThatHaveIt() {
        List<Row> rows = select("flush=true").custom();
        assertEquals(List.of("uring_zc payload=65435 batch=8 flush=true ubuf_cache=on",
                "uring_zc_fixed payload=65435 batch=8 flush=true ubuf_cache=on"), labels(rows));
        List<Row> seed = select("flush=true").filter("seed", Plan.SEED.rows());
        assertEquals(2, seed.size());
        assertTrue(seed.stream().allMatch(r -> r.value("flush").equals("true")));
    }

    @Test
    void aNamedVariantKeepsItsOneRowWhereAKnobMeansNothingForIt() {
        List<Row> rows = select("variant=copy,uring_zc", "flush=true,false").custom();
        assertEquals(List.of("copy payload=65435 batch=8",
                "uring_zc payload=65435 batch=8 flush=true ubuf_cache=on",
                "uring_zc payload=65435 batch=8 flush=false ubuf_cache=on"), labels(rows));
        List<Row> seed = select("variant=copy,uring_zc_fixed", "flush=true").filter("seed", Plan.SEED.rows());
        assertEquals(List.of("copy payload=65435 batch=1",
                "uring_zc_fixed payload=65435 batch=1 flush=true ubuf_cache=on",
                "uring_zc_fixed payload=65435 batch=8 flush=true ubuf_cache=on"), labels(seed));
    }

    @Test
    void everyCustomRowIsOneTheSenderAccepts() {
        List<Row> rows = select("variant=copy,msg_zerocopy,uring_send,uring_zc,uring_zc_fixed", "payload=16,65507",
                "batch=1,256", "flush=true,false", "ubuf_cache=on,off").custom();
        // per payload and batch: copy 1, msg_zerocopy 2, uring_send 1, uring_zc 4, uring_zc_fixed 4
        assertEquals(2 * 2 * (1 + 2 + 1 + 4 + 4), rows.size());
        // Variants not named: only those that have flush and ubuf_cache.
        assertEquals(2 * 2 * (4 + 4), select("payload=16,65507", "batch=1,256", "flush=true,false",
                "ubuf_cache=on,off").custom().size());
        assertEquals(rows.size(), Set.copyOf(rows).size(), "no row twice");
        for (Row r : rows) {
            SendConfig.of(r::value);
        }
    }

    @Test
    void cpuValuesMultiplyTheRows() {
        List<Row> rows = select("variant=copy", "cpu=last,-1").custom();
        assertEquals(List.of("copy payload=65435 batch=8", "copy payload=65435 batch=8 cpu=-1"), labels(rows));
    }

    @Test
    void overIpv6ThePayloadRangeIsWhatIpv6CarriesWithoutFragments() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> select("ip=6", "payload=65435,65500").custom());
        assertEquals("payload '65500' with ip=6 is not in 16..65487 (bytes of UDP over IPv6 on the sink's 65535-byte"
                + " MTU, the first 16 of them the sequence stamp)", e.getMessage());
        List<Row> rows = select("variant=copy", "ip=4,6", "payload=65487").custom();
        assertEquals(List.of("copy payload=65487 batch=8", "copy payload=65487 batch=8 ip=6"), labels(rows));
        rows.forEach(r -> SendConfig.of(r::value));
        assertEquals(1, select("ip=4", "payload=65507", "variant=copy").custom().size());
    }

    @Test
    void memoryValuesAreShownWhenNotNormal() {
        List<Row> rows = select("variant=copy", "memory=normal,thp,hugetlb").custom();
        assertEquals(List.of("copy payload=65435 batch=8", "copy payload=65435 batch=8 memory=thp",
                "copy payload=65435 batch=8 memory=hugetlb"), labels(rows));
        rows.forEach(r -> SendConfig.of(r::value));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "variant=foo                 | variant 'foo' is not one of: copy, msg_zerocopy, uring_send, uring_zc,",
        "payload=70000               | payload '70000' is not in 16..65507 (bytes of UDP over IPv4",
        "payload=0                   | payload '0' is not in 16..65507",
        "batch=0                     | batch '0' is not in 1..256",
        "batch=257                   | batch '257' is not in 1..256",
        "flush=yes                   | flush 'yes' is not one of: true, false",
        "cpu=99999                   | cpu '99999' is not a CPU this process may run on; allowed: last, -1",
        "ubufCache=off               | unknown row parameter 'ubufCache'; it is now called ubuf_cache: write -p ubuf_cache=",
        "nope=1                      | unknown row parameter 'nope'; one of: variant, payload, batch, flush, ubuf_cache",
        "target=loopback             | -p target is not a row parameter: choose the target with --target",
    })
    void aBadValueIsOneSentenceNamingItAndWhatIsAllowed(String given, String expected) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> select(given).custom());
        assertTrue(e.getMessage().startsWith(expected), e.getMessage());
        assertEquals(1, e.getMessage().lines().count());
    }

    @Test
    void aKnobThatMeansNothingForTheNamedVariantsIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> select("flush=true", "variant=copy").custom());
        assertEquals("flush means nothing for copy: only uring_zc, uring_zc_fixed, uring_sendmsg_zc and"
                + " uring_sendmsg_zc_fixed have it; drop -p flush or name one of those variants", e.getMessage());
        IllegalArgumentException poll = assertThrows(IllegalArgumentException.class,
                () -> select("variant=uring_send,uring_zc", "poll=false").custom());
        assertTrue(poll.getMessage().startsWith("poll means nothing for uring_send or uring_zc: only copy and"
                + " msg_zerocopy have it"), poll.getMessage());
    }

    @Test
    void aKnobThatMeansNothingForThePlansVariantsIsRefused() {
        // A plan of zero-copy io_uring rows only: no copy or msg_zerocopy row for poll to mean something for.
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> select("poll=false").filter("custom", List.of(Row.of(zcbench.vocabulary.Variant.of("uring_zc"), 4096, 8,
                        false, true))));
        assertTrue(e.getMessage().startsWith("poll means nothing for uring_zc"), e.getMessage());
    }

    @Test
    void aFilterThatKeepsNoRowSaysWhatThePlanHas() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> select("payload=1000").filter("sizes", Plan.SIZES.rows()));
        assertEquals("plan sizes has no row with payload=1000; its rows have payload 4096, 16384, 65435 (without"
                + " --plan, -p makes rows of its own)", e.getMessage());
    }

    @Test
    void aKnobTheBenchmarkDoesNotHaveYetIsRefused() {
        Set<String> withoutPoll = Set.of("variant", "payload", "batch", "flush", "ubuf_cache", "cpu", "target");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> select(withoutPoll, "poll=false"));
        assertTrue(e.getMessage().startsWith("-p poll is not a parameter of the SendBenchmark in this build"),
                e.getMessage());
        assertEquals(1, select(withoutPoll, "variant=copy").custom().size());
    }

    @Test
    void withoutVariantASelectionHasTheRfcsVariantsAndVariantAllHasEvery() {
        assertEquals(Variant.rfcVariants(), select("payload=4096").custom().stream().map(Row::declaredVariant).toList());
        assertEquals(Variant.all(), select("variant=all", "payload=4096").custom().stream()
                .map(Row::declaredVariant).toList());
        assertEquals(Map.of("variant", Variant.ids()), select("variant=all").asMap());
        assertTrue(RowSelection.DEFAULT_VARIANTS.contains("copy, msg_zerocopy, uring_send, uring_zc, uring_zc_fixed"),
                RowSelection.DEFAULT_VARIANTS);
    }

    @Test
    void protocolTcpIsShownWhenChangedAndOpensATcpSender() {
        List<Row> rows = select("variant=msg_zerocopy,uring_zc", "protocol=udp,tcp").custom();
        assertEquals(List.of("msg_zerocopy payload=65435 batch=8 ubuf_cache=on",
                "msg_zerocopy payload=65435 batch=8 ubuf_cache=on protocol=tcp",
                "uring_zc payload=65435 batch=8 flush=false ubuf_cache=on",
                "uring_zc payload=65435 batch=8 flush=false ubuf_cache=on protocol=tcp"), labels(rows));
        assertEquals("msg_zerocopy-65435-b8-ubuf_cache=on-protocol=tcp-loopback", rows.get(1).key("loopback"));
        assertEquals("msg_zerocopy-65435-b8-ubuf_cache=on-loopback", rows.get(0).key("loopback"),
                "a udp row's key is as before");
        assertEquals(Protocol.TCP, SendConfig.of(rows.get(1)::value).protocol());
        assertEquals(Protocol.UDP, SendConfig.of(rows.get(0)::value).protocol());
        // The knob's values (vocabulary) and the sockets' protocols (linux) are one list of names.
        assertEquals(new Knob.Choices(Arrays.stream(Protocol.values()).map(Protocol::id).toList()),
                Knobs.PROTOCOL.values());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> select("protocol=sctp").custom());
        assertTrue(e.getMessage().contains("protocol") && e.getMessage().contains("sctp"), e.getMessage());
    }
}

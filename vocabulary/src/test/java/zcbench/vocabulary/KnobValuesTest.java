package zcbench.vocabulary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

/** What the knobs allow, said as the command line says it; the CPUs a cpu may name come from the caller. */
class KnobValuesTest {
    private static final Supplier<BitSet> CPUS_0_AND_2 = () -> {
        BitSet cpus = new BitSet();
        cpus.set(0);
        cpus.set(2);
        return cpus;
    };
    private static final Supplier<BitSet> NOT_ASKED = () -> {
        throw new AssertionError("the allowed CPUs are read only for a CPU number");
    };

    @Test
    void choicesAndRangesSayWhatIsAllowed() {
        assertNull(Knobs.FLUSH.problem("true", NOT_ASKED));
        assertEquals("not one of: on, off", Knobs.UBUF_CACHE.problem("yes", NOT_ASKED));
        assertNull(Knobs.PAYLOAD.problem("16", NOT_ASKED));
        assertEquals("not in 16..65507 (bytes of UDP over IPv4 on the sink's 65535-byte MTU, the first 16 of them the"
                + " sequence stamp)", Knobs.PAYLOAD.problem("65508", NOT_ASKED));
        assertEquals("not in 1..256 (packets per operation; the io_uring ring is sized for at most 256 requests per"
                + " io_uring_enter)", Knobs.BATCH.problem("eight", NOT_ASKED));
    }

    @Test
    void aCpuIsCheckedAgainstTheCpusTheCallerAllows() {
        assertNull(Knobs.CPU.problem("last", NOT_ASKED));
        assertNull(Knobs.CPU.problem("-1", NOT_ASKED));
        assertNull(Knobs.CPU.problem("2", CPUS_0_AND_2));
        assertEquals("not a CPU this process may run on; allowed: last, -1 (unpinned) or one of {0, 2}",
                Knobs.CPU.problem("1", CPUS_0_AND_2));
        assertEquals("not a CPU this process may run on; allowed: last, -1 (unpinned) or one of {0, 2}",
                Knobs.CPU.problem("-2", CPUS_0_AND_2));
    }

    @Test
    void aDefaultMustBeAllowed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Knob("x",
                new Knob.Choices(List.of("a")), List.of("b"), Knob.Shown.ALWAYS, "", ""));
        assertEquals("x: default 'b' is not allowed", e.getMessage());
    }

    @Test
    void everyKnobHasOneNameAndFormerNamesLeadToIt() {
        assertEquals(Knobs.ALL.size(), new HashSet<>(Knobs.names()).size());
        assertEquals("ubuf_cache", Knobs.current("ubufCache"));
        assertEquals("flush", Knobs.current("flush"));
        Knobs.FORMER_NAMES.forEach((former, name) -> {
            assertEquals(List.of(), Knobs.of(former).stream().toList(), former + " is no knob's name");
            assertEquals(name, Knobs.of(name).orElseThrow().name());
        });
        assertEquals(Knobs.ALL, java.util.stream.Stream.concat(Knobs.LEADING.stream(), Knobs.REST.stream()).toList());
    }
}

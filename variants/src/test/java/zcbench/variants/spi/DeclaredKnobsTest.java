package zcbench.variants.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.BitSet;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

import zcbench.vocabulary.Knobs;
import zcbench.vocabulary.Variant;

/** What the knobs say of the variants, now that each variant declares its own knobs through its provider. */
class DeclaredKnobsTest {
    private static final Supplier<BitSet> NOT_ASKED = () -> {
        throw new AssertionError("the allowed CPUs are read only for a CPU number");
    };

    @Test
    void theVariantKnobTakesEveryDeclaredVariant() {
        assertEquals("not one of: copy, msg_zerocopy, uring_send, uring_zc, uring_zc_fixed, uring_sendmsg_zc,"
                + " uring_sendmsg_zc_fixed, nio",
                Knobs.VARIANT.problem("dummy", NOT_ASKED));
        assertEquals(Variant.RFC, Knobs.VARIANT.defaults());
        Variant.RFC.forEach(id -> assertEquals(null, Knobs.VARIANT.problem(id, NOT_ASKED), id));
    }

    @Test
    void aKnobSaysWhichVariantsItMeansSomethingFor() {
        assertEquals("uring_zc, uring_zc_fixed, uring_sendmsg_zc and uring_sendmsg_zc_fixed",
                Knobs.variantsOf(Knobs.FLUSH));
        assertEquals("msg_zerocopy, uring_zc, uring_zc_fixed, uring_sendmsg_zc and uring_sendmsg_zc_fixed",
                Knobs.variantsOf(Knobs.UBUF_CACHE));
        assertEquals("uring_zc, uring_sendmsg_zc and uring_sendmsg_zc_fixed", Knobs.variantsOf(Knobs.IOV));
        assertEquals("uring_send, uring_zc, uring_zc_fixed, uring_sendmsg_zc and uring_sendmsg_zc_fixed",
                Knobs.variantsOf(Knobs.SETUP));
        assertEquals("copy and msg_zerocopy", Knobs.variantsOf(Knobs.POLL));
    }

    /** Each variant that has a knob's purpose does it: the zero-copy ones get notifications, the ring ones a ring. */
    @Test
    void theDeclarationsAgreeWithWhatTheVariantsAre() {
        for (Variant v : Variant.all()) {
            assertEquals(v.zeroCopy(), v.has(Knobs.LATENCY), "latency for " + v.id());
            assertEquals(v.zeroCopy(), v.has(Knobs.UBUF_CACHE), "ubuf_cache for " + v.id());
            assertEquals(v.ring(), v.has(Knobs.SETUP), "setup for " + v.id());
            assertTrue(v.knobs().containsAll(Knobs.COMMON), v.id() + " has every common knob");
            assertEquals(v, SenderRegistry.of(v).variant(), "the registry finds " + v.id() + "'s provider");
        }
    }
}

package zcbench.variants.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import zcbench.vocabulary.Variant;

class VariantTest {
    @Test
    void theTablesOrderIsTheDeclarationOrder() {
        assertEquals(List.of("copy", "msg_zerocopy", "uring_send", "uring_zc", "uring_zc_fixed", "uring_sendmsg_zc",
                "uring_sendmsg_zc_fixed", "nio"), Variant.ids());
        assertEquals("msg_zerocopy", Variant.DEFAULT_BASELINE);
    }

    @Test
    void eachVariantHasItsOwnLabelAndProse() {
        assertEquals("io_uring zc fixed", Variant.of("uring_zc_fixed").label());
        assertEquals("io_uring zero-copy send with registered buffers", Variant.of("uring_zc_fixed").prose());
        assertEquals(Variant.all().size(), new HashSet<>(Variant.all().stream().map(Variant::label)
                .toList()).size());
        assertEquals(Variant.all().size(), new HashSet<>(Variant.all().stream().map(Variant::prose)
                .toList()).size());
    }

    @Test
    void anIdNoVariantHasIsFoundNowhereAndRefusedByName() {
        assertEquals(Optional.of(Variant.of("uring_zc")), Variant.find("uring_zc"));
        assertEquals(Optional.empty(), Variant.find("dummy"));
        assertEquals("unknown variant 'dummy'; one of: copy, msg_zerocopy, uring_send, uring_zc, uring_zc_fixed,"
                + " uring_sendmsg_zc, uring_sendmsg_zc_fixed, nio",
                assertThrows(IllegalArgumentException.class, () -> Variant.of("dummy")).getMessage());
    }

    @Test
    void eachLaterVariantThatSendsTheSameBuffersNamesItsEarlierCounterpart() {
        assertEquals(Optional.of("uring_zc"), Variant.of("uring_sendmsg_zc").earlier());
        assertEquals(Optional.of("uring_zc_fixed"), Variant.of("uring_sendmsg_zc_fixed").earlier());
        assertTrue(Variant.rfcVariants().stream().allMatch(v -> v.earlier().isEmpty()));
    }
}

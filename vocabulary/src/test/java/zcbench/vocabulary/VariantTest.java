package zcbench.vocabulary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class VariantTest {
    @Test
    void theTablesOrderIsTheDeclarationOrder() {
        assertEquals(List.of("copy", "msg_zerocopy", "uring_send", "uring_zc", "uring_zc_fixed", "uring_sendmsg_zc",
                "uring_sendmsg_zc_fixed"), Variant.ids());
        assertEquals(Variant.MSG_ZEROCOPY, Variant.DEFAULT_BASELINE);
    }

    @Test
    void eachVariantHasItsOwnLabelAndProse() {
        assertEquals("io_uring zc fixed", Variant.URING_ZC_FIXED.label());
        assertEquals("io_uring zero-copy send with registered buffers", Variant.URING_ZC_FIXED.prose());
        assertEquals(Variant.values().length, new HashSet<>(Arrays.stream(Variant.values()).map(Variant::label)
                .toList()).size());
        assertEquals(Variant.values().length, new HashSet<>(Arrays.stream(Variant.values()).map(Variant::prose)
                .toList()).size());
    }

    @Test
    void anIdNoVariantHasIsFoundNowhereAndRefusedByName() {
        assertEquals(Optional.of(Variant.URING_ZC), Variant.find("uring_zc"));
        assertEquals(Optional.empty(), Variant.find("dummy"));
        assertEquals("unknown variant 'dummy'; one of: copy, msg_zerocopy, uring_send, uring_zc, uring_zc_fixed,"
                + " uring_sendmsg_zc, uring_sendmsg_zc_fixed",
                assertThrows(IllegalArgumentException.class, () -> Variant.of("dummy")).getMessage());
    }

    @Test
    void eachLaterVariantThatSendsTheSameBuffersNamesItsEarlierCounterpart() {
        assertEquals(Optional.of(Variant.URING_ZC), Variant.URING_SENDMSG_ZC.earlier());
        assertEquals(Optional.of(Variant.URING_ZC_FIXED), Variant.URING_SENDMSG_ZC_FIXED.earlier());
        assertTrue(Variant.RFC.stream().allMatch(v -> v.earlier().isEmpty()));
    }
}

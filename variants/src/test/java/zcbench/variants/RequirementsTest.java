package zcbench.variants;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import org.junit.jupiter.api.Test;
import zcbench.vocabulary.Variant;

/** A row whose kernel lacks a feature is named with the feature; the machine here has them all. */
class RequirementsTest {
    private static final Requirements.Machine OLD_KERNEL = () -> false;

    @Test
    void aKernelWithoutDeferTaskrunSkipsOnlyTheDeferRows() {
        SendConfig defer = SendConfig.of(Variant.URING_ZC_FIXED, 65435, 8).withDefer(true);
        assertEquals(Optional.of("needs Linux 6.1+ (IORING_SETUP_DEFER_TASKRUN)"),
                Requirements.unmet(defer, OLD_KERNEL));
        assertEquals(Optional.empty(), Requirements.unmet(defer.withDefer(false), OLD_KERNEL));
    }

    @Test
    void thisKernelHasWhatEveryRowNeeds() {
        assertTrue(Requirements.THIS_MACHINE.deferTaskrun(), "this project's machines run Linux 6.1 or later");
        assertEquals(Optional.empty(), Requirements.unmet(SendConfig.of(Variant.URING_SEND, 4096, 8).withDefer(true),
                Requirements.THIS_MACHINE));
    }
}

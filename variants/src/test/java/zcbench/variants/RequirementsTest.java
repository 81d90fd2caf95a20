package zcbench.variants;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import org.junit.jupiter.api.Test;
import zcbench.vocabulary.Variant;

/** A row whose kernel lacks a feature is named with the feature; the machine here has them all. */
class RequirementsTest {
    private static final Requirements.Machine OLD_KERNEL = new Requirements.Features(false, false, false, false);
    /** Linux 6.14: SENDMSG_ZC, but neither FIXED_BUF on it nor SEND_VECTORIZED. */
    private static final Requirements.Machine LINUX_6_14 = new Requirements.Features(true, true, false, false);
    /** Linux 6.16: FIXED_BUF on SENDMSG_ZC, no SEND_VECTORIZED yet. */
    private static final Requirements.Machine LINUX_6_16 = new Requirements.Features(true, true, true, false);

    @Test
    void aKernelWithoutDeferTaskrunSkipsOnlyTheDeferRows() {
        SendConfig defer = SendConfig.of(Variant.URING_ZC_FIXED, 65435, 8).withDefer(true);
        assertEquals(Optional.of("needs Linux 6.1+ (IORING_SETUP_DEFER_TASKRUN)"),
                Requirements.unmet(defer, OLD_KERNEL));
        assertEquals(Optional.empty(), Requirements.unmet(defer.withDefer(false), OLD_KERNEL));
    }

    @Test
    void aKernelWithoutSendmsgZcSkipsBothSendmsgVariants() {
        for (Variant v : new Variant[] {Variant.URING_SENDMSG_ZC, Variant.URING_SENDMSG_ZC_FIXED}) {
            assertEquals(Optional.of("needs Linux 6.1+ (IORING_OP_SENDMSG_ZC)"),
                    Requirements.unmet(SendConfig.of(v, 65435, 8), OLD_KERNEL), v.id());
        }
        assertEquals(Optional.empty(), Requirements.unmet(SendConfig.of(Variant.URING_ZC, 65435, 8), OLD_KERNEL));
    }

    @Test
    void registeredVectorsNeed615AndVectorizedSendZcNeeds617() {
        SendConfig fixed = SendConfig.of(Variant.URING_SENDMSG_ZC_FIXED, 16384, 8).withIov(4);
        assertEquals(Optional.of("needs Linux 6.15+ (IORING_RECVSEND_FIXED_BUF on SENDMSG_ZC)"),
                Requirements.unmet(fixed, LINUX_6_14));
        assertEquals(Optional.empty(), Requirements.unmet(fixed, LINUX_6_16));
        assertEquals(Optional.empty(), Requirements.unmet(SendConfig.of(Variant.URING_SENDMSG_ZC, 65435, 8).withIov(16),
                LINUX_6_14), "sendmsg carries its iovecs without SEND_VECTORIZED");
        SendConfig vectorized = SendConfig.of(Variant.URING_ZC, 65435, 8).withIov(2);
        assertEquals(Optional.of("needs Linux 6.17+ (IORING_SEND_VECTORIZED)"),
                Requirements.unmet(vectorized, LINUX_6_16));
        assertEquals(Optional.empty(), Requirements.unmet(vectorized.withIov(1), LINUX_6_16),
                "iov=1 is today's plain SEND_ZC");
    }

    @Test
    void thisKernelHasWhatEveryRowNeeds() {
        assertTrue(Requirements.THIS_MACHINE.deferTaskrun(), "this project's machines run Linux 6.1 or later");
        assertEquals(Optional.empty(), Requirements.unmet(SendConfig.of(Variant.URING_SEND, 4096, 8).withDefer(true),
                Requirements.THIS_MACHINE));
        // This machine runs Linux 6.18.
        assertEquals(new Requirements.Features(true, true, true, true),
                Requirements.Features.of(Requirements.THIS_MACHINE));
    }
}

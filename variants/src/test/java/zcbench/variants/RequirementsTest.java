package zcbench.variants;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import org.junit.jupiter.api.Test;

import zcbench.vocabulary.Knobs;
import zcbench.linux.mem.HugePages;
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
        SendConfig defer = SendConfig.of(Variant.of("uring_zc_fixed"), 65435, 8).with(Knobs.SETUP, "defer");
        assertEquals(Optional.of("needs Linux 6.1+ (IORING_SETUP_DEFER_TASKRUN)"),
                Requirements.unmet(defer, OLD_KERNEL));
        assertEquals(Optional.empty(), Requirements.unmet(defer.with(Knobs.SETUP, "coop"), OLD_KERNEL));
    }

    @Test
    void aKernelWithoutSendmsgZcSkipsBothSendmsgVariants() {
        for (Variant v : new Variant[] {Variant.of("uring_sendmsg_zc"), Variant.of("uring_sendmsg_zc_fixed")}) {
            assertEquals(Optional.of("needs Linux 6.1+ (IORING_OP_SENDMSG_ZC)"),
                    Requirements.unmet(SendConfig.of(v, 65435, 8), OLD_KERNEL), v.id());
        }
        assertEquals(Optional.empty(), Requirements.unmet(SendConfig.of(Variant.of("uring_zc"), 65435, 8), OLD_KERNEL));
    }

    @Test
    void registeredVectorsNeed615AndVectorizedSendZcNeeds617() {
        SendConfig fixed = SendConfig.of(Variant.of("uring_sendmsg_zc_fixed"), 16384, 8).with(Knobs.IOV, "4");
        assertEquals(Optional.of("needs Linux 6.15+ (IORING_RECVSEND_FIXED_BUF on SENDMSG_ZC)"),
                Requirements.unmet(fixed, LINUX_6_14));
        assertEquals(Optional.empty(), Requirements.unmet(fixed, LINUX_6_16));
        assertEquals(Optional.empty(), Requirements.unmet(SendConfig.of(Variant.of("uring_sendmsg_zc"), 65435, 8).with(Knobs.IOV, "16"),
                LINUX_6_14), "sendmsg carries its iovecs without SEND_VECTORIZED");
        SendConfig vectorized = SendConfig.of(Variant.of("uring_zc"), 65435, 8).with(Knobs.IOV, "2");
        assertEquals(Optional.of("needs Linux 6.17+ (IORING_SEND_VECTORIZED)"),
                Requirements.unmet(vectorized, LINUX_6_16));
        assertEquals(Optional.empty(), Requirements.unmet(vectorized.with(Knobs.IOV, "1"), LINUX_6_16),
                "iov=1 is today's plain SEND_ZC");
    }

    @Test
    void thisKernelHasWhatEveryRowNeeds() {
        assertTrue(Requirements.THIS_MACHINE.deferTaskrun(), "this project's machines run Linux 6.1 or later");
        assertEquals(Optional.empty(), Requirements.unmet(SendConfig.of(Variant.of("uring_send"), 4096, 8).with(Knobs.SETUP, "defer"),
                Requirements.THIS_MACHINE));
        // This machine runs Linux 6.18.
        assertEquals(new Requirements.Features(true, true, true, true),
                Requirements.Features.of(Requirements.THIS_MACHINE));
    }

    /** A machine with every kernel feature, THP in {@code mode} and {@code free} reserved 2 MiB pages. */
    private static Requirements.Machine hugePages(String mode, long free) {
        return new Requirements.Machine() {
            @Override
            public boolean deferTaskrun() {
                return true;
            }

            @Override
            public boolean sendmsgZc() {
                return true;
            }

            @Override
            public boolean sendmsgZcFixedBuf() {
                return true;
            }

            @Override
            public boolean sendVectorized() {
                return true;
            }

            @Override
            public String transparentHugepage() {
                return mode;
            }

            @Override
            public long freeHugePages() {
                return free;
            }
        };
    }

    @Test
    void withoutReservedHugePagesOnlyTheHugetlbRowsAreSkipped() {
        SendConfig shared = SendConfig.of(Variant.of("uring_zc_fixed"), 65435, 8).with(Knobs.MEMORY, PayloadMemory.HUGETLB.id());
        assertEquals(Optional.of("needs 1 free 2 MiB huge pages: set vm.nr_hugepages (e.g. sysctl vm.nr_hugepages=1);"
                + " zcbench does not change it"), Requirements.unmet(shared, hugePages("madvise", 0)));
        assertEquals(Optional.empty(), Requirements.unmet(shared, hugePages("madvise", 1)));
        // msg_zerocopy keeps 32 buffers of 64 KiB in flight when verifying: one huge page holds them.
        SendConfig verified = SendConfig.of(Variant.of("msg_zerocopy"), 65435, 8).with(Knobs.VERIFY, "true")
                .with(Knobs.MEMORY, PayloadMemory.HUGETLB.id());
        assertEquals(1, PayloadPool.hugePages(verified));
        SendConfig many = SendConfig.of(Variant.of("uring_zc"), 65435, 64).with(Knobs.VERIFY, "true").with(Knobs.MEMORY, PayloadMemory.HUGETLB.id());
        assertEquals(4, PayloadPool.hugePages(many), "128 buffers of 64 KiB");
        assertEquals(Optional.of("needs 4 free 2 MiB huge pages: set vm.nr_hugepages (e.g. sysctl vm.nr_hugepages=4);"
                + " zcbench does not change it"), Requirements.unmet(many, hugePages("madvise", 3)));
        assertEquals(Optional.empty(), Requirements.unmet(many.with(Knobs.MEMORY, PayloadMemory.NORMAL.id()), hugePages("never", 0)));
    }

    @Test
    void withTransparentHugePagesNeverOnlyTheThpRowsAreSkipped() {
        SendConfig thp = SendConfig.of(Variant.of("copy"), 65435, 8).with(Knobs.MEMORY, PayloadMemory.THP.id());
        assertEquals(Optional.of("needs transparent huge pages (/sys/kernel/mm/transparent_hugepage/enabled is never)"),
                Requirements.unmet(thp, hugePages("never", 0)));
        assertEquals(Optional.empty(), Requirements.unmet(thp, hugePages("madvise", 0)));
        assertEquals(Optional.empty(), Requirements.unmet(thp, hugePages("always", 0)));
        assertEquals(Optional.empty(), Requirements.unmet(thp.with(Knobs.MEMORY, PayloadMemory.HUGETLB.id()), hugePages("never", 1)));
    }

    /** This machine as it is: nobody reserved huge pages on it (zcbench never does), so hugetlb rows are skipped. */
    @Test
    void thisMachineSaysWhatHugetlbRowsNeed() {
        SendConfig hugetlb = SendConfig.of(Variant.of("uring_zc_fixed"), 65435, 8).with(Knobs.MEMORY, PayloadMemory.HUGETLB.id());
        Optional<String> unmet = Requirements.unmet(hugetlb, Requirements.THIS_MACHINE);
        assertEquals(HugePages.free2MiB() < 1, unmet.isPresent(), unmet.toString());
        unmet.ifPresent(needs -> assertEquals(Requirements.needsHugePages(1), needs));
    }
}

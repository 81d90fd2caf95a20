package zcbench.linux.uring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static zcbench.linux.uring.IoUringConstants.IORING_SETUP_COOP_TASKRUN;
import static zcbench.linux.uring.IoUringConstants.IORING_SETUP_DEFER_TASKRUN;
import static zcbench.linux.uring.IoUringConstants.IORING_SETUP_SINGLE_ISSUER;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import zcbench.linux.LinuxException;
import zcbench.linux.ProcessResources;

class IoUringTest {

    @ParameterizedTest(name = "setup flags 0x{0}")
    @ValueSource(ints = {0, IORING_SETUP_COOP_TASKRUN | IORING_SETUP_SINGLE_ISSUER,
            IORING_SETUP_SINGLE_ISSUER | IORING_SETUP_DEFER_TASKRUN})
    void nopRoundTripReturnsEveryUserData(int flags) {
        try (IoUring ring = IoUring.open(8, flags)) {
            for (int i = 0; i < 8; i++) {
                ring.sq().prepNop(1000 + i);
            }
            assertEquals(8, ring.sq().submitAndWait(8));
            List<Long> seen = new ArrayList<>();
            int n = ring.cq().reap((userData, res, cqeFlags) -> {
                assertEquals(0, res, "NOP result");
                seen.add(userData);
            });
            assertEquals(8, n);
            assertEquals(List.of(1000L, 1001L, 1002L, 1003L, 1004L, 1005L, 1006L, 1007L), seen);
            assertEquals(0, ring.cq().ready());
        }
    }

    @Test
    void ringWrapsAroundManyTimes() {
        try (IoUring ring = IoUring.open(4, 0)) {
            long[] sum = {0};
            for (int round = 0; round < 100; round++) {
                for (int i = 0; i < 4; i++) {
                    ring.sq().prepNop(round * 4L + i);
                }
                ring.sq().submitAndWait(4);
                assertEquals(4, ring.cq().reap((u, r, f) -> sum[0] += u));
            }
            assertEquals(399L * 400 / 2, sum[0]);
        }
    }

    @Test
    void fullSubmissionQueueIsRefusedNotOverwritten() {
        try (IoUring ring = IoUring.open(2, 0)) {
            ring.sq().prepNop(1);
            ring.sq().prepNop(2);
            assertEquals(0, ring.sq().space());
            assertThrows(IllegalStateException.class, () -> ring.sq().prepNop(3));
        }
    }

    @Test
    void featuresTheRingReliesOnAreReported() {
        try (IoUring ring = IoUring.open(2, 0)) {
            assertTrue(ring.hasFeature(IoUringConstants.IORING_FEAT_SINGLE_MMAP), "one mmap for both rings");
            assertTrue(ring.hasFeature(IoUringConstants.IORING_FEAT_NODROP), "overflowing CQEs are kept, not dropped");
            assertTrue(ring.hasFeature(IoUringConstants.IORING_FEAT_EXT_ARG), "waits with a time-out");
        }
    }

    @Test
    void probeReportsTheSendOpcodes() {
        try (IoUring ring = IoUring.open(2, 0)) {
            Probe probe = ring.probe();
            assertTrue(probe.supports(IoUringConstants.IORING_OP_NOP));
            assertTrue(probe.supports(IoUringConstants.IORING_OP_SEND));
            assertTrue(probe.supports(IoUringConstants.IORING_OP_SEND_ZC), "SEND_ZC (6.0+)");
            assertTrue(probe.supports(IoUringConstants.IORING_OP_SENDMSG_ZC), "SENDMSG_ZC (6.1+)");
            assertTrue(probe.lastOp() >= IoUringConstants.IORING_OP_SENDMSG_ZC);
        }
    }

    @Test
    void registeredRingFdIsUsedForEnterAndReleasedOnClose() {
        try (IoUring ring = IoUring.open(4, IORING_SETUP_SINGLE_ISSUER)) {
            ring.registerRingFd();
            assertTrue(ring.ringFdRegistered());
            ring.sq().prepNop(7);
            ring.sq().submitAndWait(1);
            assertEquals(1, ring.cq().reap((u, r, f) -> assertEquals(7L, u)));
            ring.unregisterRingFd();
            ring.sq().prepNop(8);
            ring.sq().submitAndWait(1);
            assertEquals(1, ring.cq().reap((u, r, f) -> assertEquals(8L, u)));
        }
    }

    @Test
    void closingRingsLeavesNoDescriptorOrMappingBehind() {
        ProcessResources before = ProcessResources.now();
        long uringMapsBefore = ProcessResources.ioUringMappings();
        for (int i = 0; i < 20; i++) {
            try (IoUring ring = IoUring.open(64, IORING_SETUP_COOP_TASKRUN)) {
                ring.registerRingFd();
                ring.registration().registerFiles(0);
                ring.sq().prepNop(i);
                ring.sq().submitAndWait(1);
                ring.cq().reap((u, r, f) -> { });
            }
        }
        ProcessResources after = ProcessResources.now();
        assertEquals(before.fds(), after.fds(), "open descriptors");
        assertEquals(uringMapsBefore, ProcessResources.ioUringMappings(), "io_uring mappings");
    }

    @Test
    void failedSetupNamesTheCallAndErrno() {
        LinuxException e = assertThrows(LinuxException.class, () -> IoUring.open(0, 0));
        assertEquals("io_uring_setup(0, flags 0x0): EINVAL (Invalid argument)", e.getMessage());
    }

    /**
     * The submit-only enter reads no errno; when it fails, the same call is made again with errno
     * captured, which names the error. A SINGLE_ISSUER ring refuses a submission from a thread
     * other than its creator with EEXIST, consuming nothing.
     */
    @Test
    void aFailedSubmitIsMadeAgainToNameItsError() throws InterruptedException {
        try (IoUring ring = IoUring.open(4, IORING_SETUP_COOP_TASKRUN | IORING_SETUP_SINGLE_ISSUER)) {
            ring.sq().prepNop(1);
            long entersBefore = ring.enters();
            Throwable[] thrown = new Throwable[1];
            Thread other = Thread.ofPlatform().start(() -> {
                try {
                    ring.sq().submit();
                } catch (Throwable t) {
                    thrown[0] = t;
                }
            });
            other.join(10_000);
            assertTrue(thrown[0] instanceof LinuxException, "the other thread's submit failed: " + thrown[0]);
            assertEquals("io_uring_enter(to_submit 1, min_complete 0): EEXIST (File exists)", thrown[0].getMessage());
            assertEquals(entersBefore + 2, ring.enters(), "the failed call and the one that named its error");
            assertEquals(1, ring.sq().pending(), "the SQE was not consumed");
            assertEquals(1, ring.sq().submitAndWait(1), "its own thread submits it");
            assertEquals(1, ring.cq().reap((u, r, f) -> assertEquals(1, u)));
        }
    }
}

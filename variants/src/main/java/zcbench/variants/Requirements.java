package zcbench.variants;

import static zcbench.linux.uring.IoUringConstants.IORING_OP_SENDMSG_ZC;
import static zcbench.linux.uring.IoUringConstants.IORING_RECVSEND_FIXED_BUF;
import static zcbench.linux.uring.IoUringConstants.IORING_SEND_VECTORIZED;
import static zcbench.linux.uring.IoUringConstants.IORING_SETUP_DEFER_TASKRUN;
import static zcbench.linux.uring.IoUringConstants.IORING_SETUP_SINGLE_ISSUER;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Optional;
import java.util.Set;

import zcbench.linux.Errno;
import zcbench.linux.LinuxException;
import zcbench.linux.mem.HugePages;
import zcbench.linux.net.InetSocket;
import zcbench.linux.net.Structs;
import zcbench.linux.uring.IoUring;
import zcbench.linux.uring.SubmissionQueue;
import zcbench.variants.spi.KernelFeature;
import zcbench.variants.spi.KernelNeed;
import zcbench.variants.spi.SenderRegistry;

/**
 * What a row needs from this machine beyond the variant itself: a kernel feature, or a setting only
 * the user may change. Checked before the row runs, so that a row this machine cannot measure is
 * skipped with one sentence ("needs Linux 6.1+ (IORING_SETUP_DEFER_TASKRUN)") while the others
 * run, never failed half-way nor measured as something else (docs/ARCHITECTURE.md, "Skipped rows").
 */
public final class Requirements {
    /** THP modes in which MADV_HUGEPAGE asks for huge pages; "never" (or no THP at all) refuses them. */
    static final Set<String> TRANSPARENT_HUGEPAGE_MODES = Set.of("always", "madvise");
    public static final String NEEDS_DEFER_TASKRUN = KernelFeature.DEFER_TASKRUN.sentence();
    public static final String NEEDS_SENDMSG_ZC = KernelFeature.SENDMSG_ZC.sentence();
    public static final String NEEDS_SENDMSG_ZC_FIXED_BUF = KernelFeature.SENDMSG_ZC_FIXED_BUF.sentence();
    public static final String NEEDS_SEND_VECTORIZED = KernelFeature.SEND_VECTORIZED.sentence();

    /** How long a probe waits for its one send result: the request fails at once either way. */
    private static final long PROBE_WAIT_NANOS = 1_000_000_000L;

    private Requirements() {
    }

    /** What the machine offers, asked when a row needs it; a test stands in a machine without a feature. */
    public interface Machine {
        /** io_uring_setup accepts IORING_SETUP_DEFER_TASKRUN (Linux 6.1+). */
        boolean deferTaskrun();

        /** IORING_REGISTER_PROBE lists IORING_OP_SENDMSG_ZC (Linux 6.1+). */
        boolean sendmsgZc();

        /** SENDMSG_ZC takes IORING_RECVSEND_FIXED_BUF, iovecs inside a registered buffer (Linux 6.15+). */
        boolean sendmsgZcFixedBuf();

        /** SEND_ZC takes IORING_SEND_VECTORIZED, an iovec array (Linux 6.17+). */
        boolean sendVectorized();

        /**
         * The THP mode of /sys/kernel/mm/transparent_hugepage/enabled ("always", "madvise", "never").
         * A machine that stands in for another only where it says so reads this one's.
         */
        default String transparentHugepage() {
            return HugePages.transparentMode();
        }

        /** Free 2 MiB huge pages: vm.nr_hugepages less those in use. */
        default long freeHugePages() {
            return HugePages.free2MiB();
        }
    }

    /** A machine given by its answers: what tests stand in, and a probe's results kept. */
    public record Features(boolean deferTaskrun, boolean sendmsgZc, boolean sendmsgZcFixedBuf, boolean sendVectorized)
            implements Machine {
        /** Every answer of {@code machine}, each asked once. */
        public static Features of(Machine machine) {
            return new Features(machine.deferTaskrun(), machine.sendmsgZc(), machine.sendmsgZcFixedBuf(),
                    machine.sendVectorized());
        }
    }

    /**
     * The machine this process runs on, probed through scratch rings. A flag the kernel does not
     * know fails the request's prep with EINVAL; a kernel that knows it prepares the request and
     * fails the send itself on the scratch socket, which has no destination (EDESTADDRREQ).
     */
    public static final Machine THIS_MACHINE = new Machine() {
        @Override
        public boolean deferTaskrun() {
            return ringAccepts(IORING_SETUP_DEFER_TASKRUN | IORING_SETUP_SINGLE_ISSUER);
        }

        @Override
        public boolean sendmsgZc() {
            try (IoUring ring = IoUring.open(2, 0)) {
                return ring.probe().supports(IORING_OP_SENDMSG_ZC);
            } catch (LinuxException e) {
                return false;
            }
        }

        @Override
        public boolean sendmsgZcFixedBuf() {
            return sendmsgZc() && prepAccepts(true);
        }

        @Override
        public boolean sendVectorized() {
            return prepAccepts(false);
        }
    };

    /** Whether {@code machine} offers {@code feature}: the machine's answer to each feature a provider may need. */
    static boolean offers(Machine machine, KernelFeature feature) {
        return switch (feature) {
            case DEFER_TASKRUN -> machine.deferTaskrun();
            case SENDMSG_ZC -> machine.sendmsgZc();
            case SENDMSG_ZC_FIXED_BUF -> machine.sendmsgZcFixedBuf();
            case SEND_VECTORIZED -> machine.sendVectorized();
        };
    }

    /**
     * The sentence that says what {@code config} needs and {@code machine} lacks, if anything: the kernel
     * features its variant's provider declares ({@code SenderProvider.needs}), in their order, then the memory.
     */
    public static Optional<String> unmet(SendConfig config, Machine machine) {
        for (KernelNeed need : SenderRegistry.of(config.variant()).needs()) {
            if (need.when().test(config) && !offers(machine, need.feature())) {
                return Optional.of(need.feature().sentence());
            }
        }
        if (config.memory() == PayloadMemory.THP) {
            String mode = machine.transparentHugepage();
            if (!TRANSPARENT_HUGEPAGE_MODES.contains(mode)) {
                return Optional.of(needsTransparentHugepages(mode));
            }
        }
        if (config.memory() == PayloadMemory.HUGETLB) {
            int pages = PayloadPool.hugePages(config);
            if (machine.freeHugePages() < pages) {
                return Optional.of(needsHugePages(pages));
            }
        }
        return Optional.empty();
    }

    static String needsTransparentHugepages(String mode) {
        return "needs transparent huge pages (" + HugePages.TRANSPARENT_ENABLED + " is " + mode + ")";
    }

    /** zcbench never reserves huge pages itself: the sentence says what the user would set. */
    static String needsHugePages(int pages) {
        return "needs " + pages + " free 2 MiB huge pages: set vm.nr_hugepages (e.g. sysctl vm.nr_hugepages=" + pages
                + "); zcbench does not change it";
    }

    /** Whether io_uring_setup takes these flags; a kernel that does not know one says EINVAL. */
    static boolean ringAccepts(int setupFlags) {
        try (IoUring ring = IoUring.open(2, setupFlags)) {
            return true;
        } catch (LinuxException e) {
            return false;
        }
    }

    /**
     * Whether the kernel prepares a one-entry iovec request on an unconnected UDP socket: SENDMSG_ZC
     * with IORING_RECVSEND_FIXED_BUF on a registered buffer ({@code messageFromRegistered}), or
     * SEND_ZC with IORING_SEND_VECTORIZED.
     */
    private static boolean prepAccepts(boolean messageFromRegistered) {
        try (Arena scratch = Arena.ofConfined();
             InetSocket socket = InetSocket.udp();
             IoUring ring = IoUring.open(2, 0)) {
            MemorySegment buffer = scratch.allocate(4096, 4096);
            MemorySegment iov = scratch.allocate(Structs.IOVEC);
            iov.set(ValueLayout.ADDRESS, Structs.offset(Structs.IOVEC, "iov_base"), buffer);
            iov.set(ValueLayout.JAVA_LONG, Structs.offset(Structs.IOVEC, "iov_len"), 16);
            SubmissionQueue sq = ring.sq();
            if (messageFromRegistered) {
                ring.registration().registerBuffers(buffer);
                MemorySegment msg = scratch.allocate(Structs.MSGHDR);
                msg.set(ValueLayout.ADDRESS, Structs.offset(Structs.MSGHDR, "msg_iov"), iov);
                msg.set(ValueLayout.JAVA_LONG, Structs.offset(Structs.MSGHDR, "msg_iovlen"), 1);
                sq.prepSendmsgZc(socket.fd(), false, msg, 0, IORING_RECVSEND_FIXED_BUF, 0, 0);
            } else {
                sq.prepSendZc(socket.fd(), false, iov, 1, 0, IORING_SEND_VECTORIZED, 0, 0);
            }
            if (!sq.submitAndWait(1, PROBE_WAIT_NANOS)) {
                return false;
            }
            int[] sendResult = {0};
            ring.cq().reap((userData, res, flags) -> sendResult[0] = sendResult[0] == 0 ? res : sendResult[0]);
            // The request was read before the ring and the arena close: prep runs within the enter.
            return sendResult[0] != -Errno.EINVAL;
        } catch (LinuxException e) {
            return false;
        }
    }
}

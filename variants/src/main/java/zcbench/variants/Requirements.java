package zcbench.variants;

import static zcbench.linux.uring.IoUringConstants.IORING_SETUP_DEFER_TASKRUN;
import static zcbench.linux.uring.IoUringConstants.IORING_SETUP_SINGLE_ISSUER;

import java.util.Optional;
import java.util.Set;

import zcbench.linux.LinuxException;
import zcbench.linux.mem.HugePages;
import zcbench.linux.uring.IoUring;

/**
 * What a row needs from this machine beyond the variant itself: a kernel feature, or a setting only
 * the user may change. Checked before the row runs, so that a row this machine cannot measure is
 * skipped with one sentence ("needs Linux 6.1+ (IORING_SETUP_DEFER_TASKRUN)") while the others
 * run, never failed half-way nor measured as something else (docs/ARCHITECTURE.md, "Skipped rows").
 */
public final class Requirements {
    /** THP modes in which MADV_HUGEPAGE asks for huge pages; "never" (or no THP at all) refuses them. */
    static final Set<String> TRANSPARENT_HUGEPAGE_MODES = Set.of("always", "madvise");

    private Requirements() {
    }

    /** What the machine offers, asked when a row needs it; a test stands in a machine without a feature. */
    public interface Machine {
        /** io_uring_setup accepts IORING_SETUP_DEFER_TASKRUN (Linux 6.1+). */
        boolean deferTaskrun();

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

    /** The machine this process runs on, probed through scratch rings. */
    public static final Machine THIS_MACHINE = new Machine() {
        @Override
        public boolean deferTaskrun() {
            return ringAccepts(IORING_SETUP_DEFER_TASKRUN | IORING_SETUP_SINGLE_ISSUER);
        }
    };

    /** The sentence that says what {@code config} needs and {@code machine} lacks, if anything. */
    public static Optional<String> unmet(SendConfig config, Machine machine) {
        if (config.defer() && !machine.deferTaskrun()) {
            return Optional.of("needs Linux 6.1+ (IORING_SETUP_DEFER_TASKRUN)");
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
}

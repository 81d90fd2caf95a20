package zcbench.variants;

import static zcbench.linux.uring.IoUringConstants.IORING_SETUP_DEFER_TASKRUN;
import static zcbench.linux.uring.IoUringConstants.IORING_SETUP_SINGLE_ISSUER;

import java.util.Optional;

import zcbench.linux.LinuxException;
import zcbench.linux.uring.IoUring;

/**
 * What a row needs from this machine beyond the variant itself: a kernel feature, or a setting only
 * the user may change. Checked before the row runs, so that a row this machine cannot measure is
 * skipped with one sentence ("needs Linux 6.1+ (IORING_SETUP_DEFER_TASKRUN)") while the others
 * run, never failed half-way nor measured as something else (docs/ARCHITECTURE.md, "Skipped rows").
 */
public final class Requirements {
    private Requirements() {
    }

    /** What the machine offers, asked when a row needs it; a test stands in a machine without a feature. */
    public interface Machine {
        /** io_uring_setup accepts IORING_SETUP_DEFER_TASKRUN (Linux 6.1+). */
        boolean deferTaskrun();
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
        return Optional.empty();
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

package zcbench.linux.uring;

import static zcbench.linux.net.Structs.offset;
import static zcbench.linux.uring.UringStructs.IO_URING_PARAMS;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * What io_uring_setup wrote back into {@code struct io_uring_params}: the sizes it chose, the
 * features it has, and where in the SQ and CQ rings each field the kernel shares lies (byte
 * offsets from io_sqring_offsets and io_cqring_offsets).
 */
record RingParams(int sqEntries, int cqEntries, int features,
                  int sqHead, int sqTail, int sqRingMask, int sqFlags, int sqArray,
                  int cqHead, int cqTail, int cqRingMask, int cqOverflow, int cqes) {

    static RingParams read(MemorySegment params) {
        return new RingParams(field(params, "sq_entries"), field(params, "cq_entries"), field(params, "features"),
                field(params, "sq_off", "head"), field(params, "sq_off", "tail"), field(params, "sq_off", "ring_mask"),
                field(params, "sq_off", "flags"), field(params, "sq_off", "array"),
                field(params, "cq_off", "head"), field(params, "cq_off", "tail"), field(params, "cq_off", "ring_mask"),
                field(params, "cq_off", "overflow"), field(params, "cq_off", "cqes"));
    }

    private static int field(MemorySegment params, String... path) {
        return params.get(ValueLayout.JAVA_INT, offset(IO_URING_PARAMS, path));
    }

    /** Whether the kernel reported an IORING_FEAT_* bit at set-up. */
    boolean hasFeature(int feature) {
        return (features & feature) == feature;
    }
}

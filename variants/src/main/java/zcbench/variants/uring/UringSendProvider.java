package zcbench.variants.uring;

import java.util.Optional;

import zcbench.variants.SendConfig;
import zcbench.vocabulary.Knobs;

/** {@code uring_send}: IORING_OP_SEND, the RFC's io_uring without zero-copy. */
public final class UringSendProvider extends UringProvider {
    public UringSendProvider() {
        super(variant("uring_send", 30, "io_uring send", "io_uring send", false, Optional.empty(), Knobs.SETUP),
                false, false);
    }

    /** The kernel copies before the send's CQE: a batch's buffers are free once its results are in. */
    @Override
    public int verifySlots(SendConfig config) {
        return config.batch();
    }
}

package zcbench.variants.uring;

import java.util.Optional;

import zcbench.variants.spi.KernelFeature;
import zcbench.variants.spi.KernelNeed;
import zcbench.vocabulary.Knobs;

/**
 * {@code uring_zc}: IORING_OP_SEND_ZC with normal (unregistered) buffers; with iov above 1, the iovec array as
 * its buffer (IORING_SEND_VECTORIZED, Linux 6.17+).
 */
public final class UringZcProvider extends UringProvider {
    public UringZcProvider() {
        super(variant("uring_zc", 40, "io_uring zc", "io_uring zero-copy send", true, Optional.empty(),
                        Knobs.SETUP, Knobs.FLUSH, Knobs.UBUF_CACHE, Knobs.LATENCY, Knobs.IOV),
                false, false, KernelNeed.above(Knobs.IOV, 1, KernelFeature.SEND_VECTORIZED));
    }
}

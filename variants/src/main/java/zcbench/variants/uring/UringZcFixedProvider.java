package zcbench.variants.uring;

import java.util.Optional;

import zcbench.variants.SendConfig;

/** {@code uring_zc_fixed}: IORING_OP_SEND_ZC with IORING_RECVSEND_FIXED_BUF on registered buffers. */
public final class UringZcFixedProvider extends UringProvider {
    public UringZcFixedProvider() {
        super(variant("uring_zc_fixed", 50, "io_uring zc fixed", "io_uring zero-copy send with registered buffers",
                true, Optional.empty(), ZERO_COPY_KNOBS), false, true);
    }

    /** It has no iov: the kernel refuses SEND_VECTORIZED with FIXED_BUF, which is said here in so many words. */
    @Override
    public Optional<String> refusal(SendConfig config) {
        if (config.iov() > 1) {
            return Optional.of("iov=" + config.iov() + " is refused for uring_zc_fixed: the kernel refuses"
                    + " IORING_SEND_VECTORIZED with IORING_RECVSEND_FIXED_BUF on SEND_ZC (EINVAL);"
                    + " uring_sendmsg_zc_fixed sends an iovec array from registered buffers");
        }
        return Optional.empty();
    }
}

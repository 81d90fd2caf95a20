package zcbench.variants.uring;

import java.util.Optional;

import zcbench.variants.spi.KernelFeature;
import zcbench.variants.spi.KernelNeed;
import zcbench.vocabulary.Knobs;

/** {@code uring_sendmsg_zc}: IORING_OP_SENDMSG_ZC (Linux 6.1+), a msghdr with an iovec array on normal buffers. */
public final class UringSendmsgZcProvider extends UringProvider {
    public UringSendmsgZcProvider() {
        super(variant("uring_sendmsg_zc", 60, "io_uring sendmsg zc", "io_uring zero-copy sendmsg", true,
                        Optional.of("uring_zc"), Knobs.SETUP, Knobs.FLUSH, Knobs.UBUF_CACHE, Knobs.LATENCY, Knobs.IOV),
                true, false, KernelNeed.always(KernelFeature.SENDMSG_ZC));
    }
}

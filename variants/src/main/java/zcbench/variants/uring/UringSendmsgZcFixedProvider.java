package zcbench.variants.uring;

import java.util.Optional;

import zcbench.variants.SendConfig;
import zcbench.variants.spi.KernelFeature;
import zcbench.variants.spi.KernelNeed;
import zcbench.vocabulary.Knobs;

/**
 * {@code uring_sendmsg_zc_fixed}: IORING_OP_SENDMSG_ZC with IORING_RECVSEND_FIXED_BUF (Linux 6.15+), the iovecs
 * inside a registered buffer.
 */
public final class UringSendmsgZcFixedProvider extends UringProvider {
    /** Page fragments one skb holds (the kernel's MAX_SKB_FRAGS, 17 unless configured otherwise). */
    static final int MAX_SKB_FRAGS = 17;
    /** The payload buffers' alignment and the registered buffers' unit: one skb fragment each. */
    private static final int PAGE_SIZE = 4096;

    public UringSendmsgZcFixedProvider() {
        super(variant("uring_sendmsg_zc_fixed", 70, "io_uring sendmsg zc fixed",
                        "io_uring zero-copy sendmsg with registered buffers", true, Optional.of("uring_zc_fixed"),
                        Knobs.SETUP, Knobs.FLUSH, Knobs.UBUF_CACHE, Knobs.LATENCY, Knobs.IOV),
                true, true, KernelNeed.always(KernelFeature.SENDMSG_ZC),
                KernelNeed.always(KernelFeature.SENDMSG_ZC_FIXED_BUF));
    }

    /**
     * A registered buffer goes into the skb one fragment per page of every entry, never merged
     * (io_uring/net.c, io_sg_from_iter), so entries that do not start on a page boundary add a page
     * each; past MAX_SKB_FRAGS the send fails with EMSGSIZE, which is refused here instead.
     */
    @Override
    public Optional<String> refusal(SendConfig config) {
        int payload = config.payload();
        int iov = config.iov();
        int even = payload / iov;
        int pages = 0;
        for (int i = 0; i < iov; i++) {
            int start = i * even;
            int end = i == iov - 1 ? payload : start + even;
            pages += (end - 1) / PAGE_SIZE - start / PAGE_SIZE + 1;
        }
        if (pages > MAX_SKB_FRAGS) {
            return Optional.of(Knobs.IOV.name() + "=" + iov + " at payload " + payload + " is refused for "
                    + variant().id() + ": its entries span " + pages + " pages, and the kernel sends a registered"
                    + " buffer as one fragment per page, at most " + MAX_SKB_FRAGS + " (MAX_SKB_FRAGS) per packet"
                    + " (EMSGSIZE)");
        }
        return Optional.empty();
    }
}

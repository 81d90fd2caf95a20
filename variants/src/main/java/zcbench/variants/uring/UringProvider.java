package zcbench.variants.uring;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import zcbench.linux.net.InetSocket;
import zcbench.variants.SendConfig;
import zcbench.variants.Sender;
import zcbench.variants.spi.KernelFeature;
import zcbench.variants.spi.KernelNeed;
import zcbench.variants.spi.SocketSenderProvider;
import zcbench.vocabulary.Knob;
import zcbench.vocabulary.Knobs;
import zcbench.vocabulary.Variant;

/**
 * What the io_uring variants share: {@link UringSender}, told which opcode and buffers to use, the ring's
 * set-up knob and what it needs, and how many buffers rotate. Each variant is a subclass that says only
 * what is its own.
 */
abstract class UringProvider implements SocketSenderProvider {
    /** The knobs of every zero-copy io_uring variant besides {@link Knobs#COMMON}. */
    static final Knob[] ZERO_COPY_KNOBS = {Knobs.SETUP, Knobs.FLUSH, Knobs.UBUF_CACHE, Knobs.LATENCY};

    private final Variant variant;
    private final boolean messages;
    private final boolean fixed;
    private final List<KernelNeed> needs;

    /**
     * @param messages IORING_OP_SENDMSG_ZC: each request a msghdr with its iovec array
     * @param fixed    sends from buffers registered with the ring (IORING_RECVSEND_FIXED_BUF)
     * @param own      what this variant alone needs, after DEFER_TASKRUN for setup=defer
     */
    UringProvider(Variant variant, boolean messages, boolean fixed, KernelNeed... own) {
        this.variant = variant;
        this.messages = messages;
        this.fixed = fixed;
        List<KernelNeed> all = new ArrayList<>();
        all.add(KernelNeed.when(Knobs.SETUP, "defer", KernelFeature.DEFER_TASKRUN));
        all.addAll(List.of(own));
        this.needs = List.copyOf(all);
    }

    static Variant variant(String id, int order, String label, String prose, boolean zeroCopy,
                           Optional<String> earlier, Knob... knobs) {
        return new Variant(id, order, label, prose, zeroCopy, true, Knobs.commonAnd(knobs), earlier);
    }

    @Override
    public final Variant variant() {
        return variant;
    }

    @Override
    public final Sender open(SendConfig config, InetSocket connected) {
        return new UringSender(config, connected, messages, fixed);
    }

    @Override
    public final List<KernelNeed> needs() {
        return needs;
    }

    /**
     * A sender that waits for its batch's notifications gets every buffer back within the batch; one that
     * does not rotates twice the batch, so one batch can be in flight while the next is filled.
     */
    @Override
    public int verifySlots(SendConfig config) {
        return config.flush() ? config.batch() : Math.max(2, 2 * config.batch());
    }
}

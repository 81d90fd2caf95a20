package zcbench.variants.msgzerocopy;

import java.util.Optional;

import zcbench.linux.net.InetSocket;
import zcbench.variants.SendConfig;
import zcbench.variants.Sender;
import zcbench.variants.spi.SocketSenderProvider;
import zcbench.vocabulary.Knobs;
import zcbench.vocabulary.Variant;

/**
 * {@code msg_zerocopy}: SO_ZEROCOPY + sendmsg(MSG_ZEROCOPY), completions read from the error queue; the RFC's
 * baseline.
 */
public final class MsgZerocopyProvider implements SocketSenderProvider {
    private static final Variant VARIANT = new Variant("msg_zerocopy", 20, "msg_zerocopy -z", "MSG_ZEROCOPY", true,
            false, Knobs.commonAnd(Knobs.POLL, Knobs.UBUF_CACHE, Knobs.LATENCY), Optional.empty());

    @Override
    public Variant variant() {
        return VARIANT;
    }

    @Override
    public Sender open(SendConfig config, InetSocket connected) {
        return new MsgZerocopySender(config, connected);
    }

    /** Completions come in ranges from the error queue: enough buffers that one read frees many. */
    @Override
    public int verifySlots(SendConfig config) {
        return Math.max(SendConfig.NOTIFICATION_LIMIT, 2 * config.batch());
    }
}

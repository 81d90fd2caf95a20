package zcbench.variants.copy;

import java.util.Optional;

import zcbench.linux.net.InetSocket;
import zcbench.variants.SendConfig;
import zcbench.variants.Sender;
import zcbench.variants.spi.SocketSenderProvider;
import zcbench.vocabulary.Knobs;
import zcbench.vocabulary.Variant;

/** {@code copy}: sendmsg(2) per packet without MSG_ZEROCOPY, the RFC's "msg_zerocopy without -z". */
public final class CopyProvider implements SocketSenderProvider {
    private static final Variant VARIANT = new Variant("copy", 10, "copy (no MSG_ZEROCOPY)",
            "send(2) without MSG_ZEROCOPY", false, false, Knobs.commonAnd(Knobs.POLL), Optional.empty());

    @Override
    public Variant variant() {
        return VARIANT;
    }

    @Override
    public Sender open(SendConfig config, InetSocket connected) {
        return new CopySender(config, connected);
    }
}

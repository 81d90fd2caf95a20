package zcbench.variants;

import zcbench.linux.net.InetSocket;
import zcbench.variants.copy.CopySender;
import zcbench.variants.msgzerocopy.MsgZerocopySender;
import zcbench.variants.uring.UringSender;

/** Opens the sender of a variant over a connected UDP or TCP socket (the protocol knob), which the sender then owns. */
public final class Senders {
    private Senders() {
    }

    public static Sender open(SendConfig config, InetSocket connectedSocket) {
        return switch (config.variant()) {
            case COPY -> new CopySender(config, connectedSocket);
            case MSG_ZEROCOPY -> new MsgZerocopySender(config, connectedSocket);
            case URING_SEND, URING_ZC, URING_ZC_FIXED, URING_SENDMSG_ZC, URING_SENDMSG_ZC_FIXED ->
                    new UringSender(config, connectedSocket);
        };
    }
}

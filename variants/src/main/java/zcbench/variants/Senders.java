package zcbench.variants;

import zcbench.linux.net.InetSocket;
import zcbench.variants.copy.CopySender;
import zcbench.variants.msgzerocopy.MsgZerocopySender;
import zcbench.variants.uring.UringSender;

/** Opens the sender of a variant over a connected UDP socket, which the sender then owns. */
public final class Senders {
    private Senders() {
    }

    public static Sender open(SendConfig config, InetSocket connectedUdpSocket) {
        return switch (config.variant()) {
            case COPY -> new CopySender(config, connectedUdpSocket);
            case MSG_ZEROCOPY -> new MsgZerocopySender(config, connectedUdpSocket);
            case URING_SEND, URING_ZC, URING_ZC_FIXED, URING_SENDMSG_ZC, URING_SENDMSG_ZC_FIXED ->
                    new UringSender(config, connectedUdpSocket);
        };
    }
}

package zcbench.variants.spi;

import zcbench.linux.net.InetSocket;
import zcbench.variants.SendConfig;
import zcbench.variants.Sender;

/**
 * A provider whose sender sends on zcbench's own FFM socket: it opens the socket through the endpoint and
 * hands it over. A caller that must make or tune the socket itself (a test over loopback, a send buffer
 * made small on purpose) opens the sender on its socket with {@link #open(SendConfig, InetSocket)}.
 */
public interface SocketSenderProvider extends SenderProvider {
    /** Opens the sender over {@code connected}, which it then owns, also when opening fails. */
    Sender open(SendConfig config, InetSocket connected);

    @Override
    default Sender open(SendConfig config, Endpoint endpoint) {
        return open(config, endpoint.connect());
    }
}

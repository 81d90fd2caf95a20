package zcbench.variants.spi;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Supplier;

import zcbench.linux.net.InetSocket;
import zcbench.linux.net.IpVersion;
import zcbench.linux.net.Protocol;
import zcbench.linux.ns.NetNamespace;

/**
 * Where a sender sends: the address and protocol, and the network namespace its socket must be made in
 * (docs/ARCHITECTURE.md, "Targets"). A sender opens what it sends with itself, through {@link #openIn}: an FFM
 * socket, a JDK channel or a library's channel alike, since the kernel makes a socket in the namespace of the
 * thread that creates it.
 *
 * @param protocol  UDP datagrams or a TCP stream
 * @param address   the destination: loopback, or an address inside a namespace the project made
 * @param namespace the network namespace file the socket is made in; empty for this process's own
 */
public record Endpoint(Protocol protocol, InetSocketAddress address, Optional<Path> namespace) {
    public IpVersion ip() {
        return IpVersion.of(address.getAddress());
    }

    /**
     * Runs {@code open} on this thread inside the endpoint's namespace, and back in the thread's own after, also
     * when it fails. Whatever it makes there (a socket, a channel) stays in that namespace for its life.
     */
    public <T> T openIn(Supplier<T> open) {
        return namespace.isPresent() ? NetNamespace.callIn(namespace.get(), open) : open.get();
    }

    /** zcbench's own FFM socket, made in the namespace and connected; the caller owns it. */
    public InetSocket connect() {
        return openIn(() -> protocol.connect(address.getAddress(), address.getPort()));
    }
}

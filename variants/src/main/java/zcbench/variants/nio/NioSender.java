package zcbench.variants.nio;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.NetworkChannel;
import java.nio.channels.SocketChannel;
import java.nio.channels.WritableByteChannel;

import zcbench.linux.Teardown;
import zcbench.linux.net.IpVersion;
import zcbench.variants.AbstractSender;
import zcbench.variants.PayloadPool;
import zcbench.variants.SendConfig;
import zcbench.variants.SocketLoop;
import zcbench.variants.Stamp;
import zcbench.variants.spi.Endpoint;

/**
 * One blocking JDK channel, connected in the endpoint's namespace, writing a direct ByteBuffer that views the
 * pool's buffer: the JDK hands its address to write(2) without a copy of its own. A blocking write returns once
 * the kernel has taken the bytes, which it copies, so one buffer serves every packet and nothing is owed after.
 */
final class NioSender extends AbstractSender {
    private final WritableByteChannel channel;
    /** The pool's buffers as ByteBuffers of one packet each, by slot. */
    private final ByteBuffer[] views;
    private long sequence;

    /** Opens and connects the channel inside the endpoint's namespace; on failure closes what it opened. */
    NioSender(SendConfig config, Endpoint endpoint) {
        super(config);
        PayloadPool p = null;
        WritableByteChannel c = null;
        try {
            p = PayloadPool.of(config);
            c = endpoint.openIn(() -> connect(endpoint));
        } catch (RuntimeException | Error e) {
            new Teardown().close(p).close(c).doneAfter(e);
            throw e;
        }
        this.pool = p;
        this.channel = c;
        this.views = new ByteBuffer[pool.size()];
        for (int i = 0; i < views.length; i++) {
            views[i] = pool.buffer(i).asSlice(0, config.payload()).asByteBuffer();
        }
    }

    private static WritableByteChannel connect(Endpoint endpoint) {
        StandardProtocolFamily family = endpoint.ip() == IpVersion.V6 ? StandardProtocolFamily.INET6
                : StandardProtocolFamily.INET;
        NetworkChannel channel = null;
        try {
            channel = switch (endpoint.protocol()) {
                case UDP -> DatagramChannel.open(family);
                case TCP -> SocketChannel.open(family);
            };
            // The selftest's send buffer, as zcbench's own senders set it.
            channel.setOption(StandardSocketOptions.SO_SNDBUF, SocketLoop.SNDBUF_BYTES);
            switch (channel) {
                case DatagramChannel d -> d.connect(endpoint.address());
                case SocketChannel s -> s.connect(endpoint.address());
                default -> throw new AssertionError(channel);
            }
            return (WritableByteChannel) channel;
        } catch (IOException e) {
            UncheckedIOException failed = new UncheckedIOException("java.nio: connecting to " + endpoint.address(), e);
            new Teardown().close(channel).doneAfter(failed);
            throw failed;
        }
    }

    @Override
    public void sendBatch() {
        int payload = config.payload();
        for (int i = 0; i < config.batch(); i++) {
            int slot = pool.acquire();
            ByteBuffer b = views[slot].clear();
            if (config.verify()) {
                Stamp.sequence(pool.buffer(slot), sequence);
            }
            write(b, payload);
            pool.release(slot);
            sequence++;
            counters.packets++;
            counters.bytes += payload;
        }
    }

    /** Writes the whole packet: a stream may take part of it, and its rest goes before anything else. */
    private void write(ByteBuffer b, int payload) {
        try {
            int n = channel.write(b);
            if (n == payload) {
                return;
            }
            if (!stream) {
                throw new IllegalStateException("java.nio: a datagram write sent " + n + " of " + payload + " bytes");
            }
            counters.shortSends++;
            while (b.hasRemaining()) {
                channel.write(b);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("java.nio: write of " + payload + " bytes", e);
        }
    }

    @Override
    public void drain() {
        // Nothing is owed: a blocking write returned only once the kernel had copied the packet.
    }

    @Override
    public void close() {
        new Teardown().close(channel).close(pool).done();
    }
}

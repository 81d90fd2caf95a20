package zcbench.variants.copy;

import java.lang.foreign.MemorySegment;

import zcbench.linux.Errno;
import zcbench.linux.Libc;
import zcbench.linux.Teardown;
import zcbench.linux.net.InetSocket;
import zcbench.variants.PayloadPool;
import zcbench.variants.SendConfig;
import zcbench.variants.SendCounters;
import zcbench.variants.Sender;
import zcbench.variants.Stamp;

/**
 * send(2) per packet without MSG_ZEROCOPY: the kernel copies the payload before send returns, so
 * one buffer serves every packet, as in the kernel's msg_zerocopy tool without {@code -z}.
 */
public final class CopySender implements Sender {
    private final SendConfig config;
    private final InetSocket socket;
    private final PayloadPool pool;
    private final MemorySegment buffer;
    private final SendCounters counters = new SendCounters();
    private long sequence;

    /** Takes ownership of {@code socket}; on failure it is closed. */
    public CopySender(SendConfig config, InetSocket socket) {
        this.config = config;
        this.socket = socket;
        try {
            this.pool = new PayloadPool(config.effectiveSlots(), config.payload());
        } catch (RuntimeException | Error e) {
            new Teardown().close(socket).doneAfter(e);
            throw e;
        }
        this.buffer = pool.buffer(pool.acquire());
    }

    @Override
    public void sendBatch() {
        int payload = config.payload();
        for (int i = 0; i < config.batch(); i++) {
            Stamp.sequence(buffer, sequence);
            long rc;
            while ((rc = socket.send(buffer, payload, 0)) == -Errno.ENOBUFS || rc == -Errno.EAGAIN) {
                counters.retries++;
                Thread.onSpinWait();
            }
            if (rc != payload) {
                Libc.check("send", rc);
                throw new IllegalStateException("send: short send of " + rc + " of " + payload + " bytes");
            }
            sequence++;
            counters.packets++;
            counters.bytes += payload;
        }
    }

    @Override
    public void drain() {
        // Nothing is owed: the kernel copied every packet inside send(2).
    }

    @Override
    public SendCounters counters() {
        return counters;
    }

    @Override
    public SendConfig config() {
        return config;
    }

    @Override
    public void close() {
        new Teardown().close(socket).close(pool).done();
    }
}

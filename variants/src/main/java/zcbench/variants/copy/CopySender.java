package zcbench.variants.copy;

import static zcbench.linux.net.NetConstants.MSG_DONTWAIT;
import static zcbench.linux.net.NetConstants.SOL_SOCKET;
import static zcbench.linux.net.NetConstants.SO_SNDBUF;

import java.lang.foreign.MemorySegment;

import zcbench.linux.Errno;
import zcbench.linux.LinuxException;
import zcbench.linux.Teardown;
import zcbench.linux.net.InetSocket;
import zcbench.linux.net.SendMsg;
import zcbench.variants.AbstractSender;
import zcbench.variants.PayloadPool;
import zcbench.variants.SendConfig;
import zcbench.variants.SocketLoop;
import zcbench.variants.Stamp;

/**
 * sendmsg(2) per packet without MSG_ZEROCOPY: the kernel's msg_zerocopy selftest without
 * {@code -z}. The kernel copies the payload before sendmsg returns, so one buffer serves every
 * packet. With {@code poll} (the default) each send is MSG_DONTWAIT and followed by
 * poll(POLLOUT), as the selftest does; without, sends block and nothing else is called.
 */
public final class CopySender extends AbstractSender {
    private final InetSocket socket;
    private final MemorySegment buffer;
    private final SendMsg sendMsg;
    private final SocketLoop loop;
    private final int sendFlags;
    private long sequence;

    /** Takes ownership of {@code socket}; on failure it is closed. */
    public CopySender(SendConfig config, InetSocket socket) {
        super(config);
        this.socket = socket;
        this.sendFlags = config.poll() ? MSG_DONTWAIT : 0;
        PayloadPool p = null;
        SendMsg m = null;
        SocketLoop l = null;
        try {
            socket.setOption(SOL_SOCKET, SO_SNDBUF, SocketLoop.SNDBUF_BYTES);
            p = PayloadPool.of(config);
            m = new SendMsg();
            l = new SocketLoop(socket, counters);
        } catch (RuntimeException | Error e) {
            new Teardown().close(socket).close(p).close(m).close(l).doneAfter(e);
            throw e;
        }
        this.pool = p;
        this.sendMsg = m;
        this.loop = l;
        this.buffer = pool.buffer(pool.acquire());
    }

    @Override
    public void sendBatch() {
        int payload = config.payload();
        long retryDeadline = 0;
        // Bytes of the current packet a stream has taken; its rest goes next (docs/ARCHITECTURE.md, "The TCP loop").
        int sentOfPacket = 0;
        for (int sent = 0; sent < config.batch(); ) {
            if (config.verify() && sentOfPacket == 0) {
                Stamp.sequence(buffer, sequence);
            }
            counters.syscalls++;
            long rc = sendMsg.send(socket, rest(buffer, sentOfPacket), payload - sentOfPacket, sendFlags);
            int took = taken(rc, sentOfPacket, "sendmsg");
            if (took > 0) {
                sentOfPacket += took;
                retryDeadline = 0;
                if (sentOfPacket == payload) {
                    sentOfPacket = 0;
                    sequence++;
                    sent++;
                    counters.packets++;
                    counters.bytes += payload;
                }
            } else if (rc == -Errno.EAGAIN || rc == -Errno.ENOBUFS) {
                // The selftest goes on to poll(POLLOUT) and sends again; so does this loop.
                counters.retries++;
                retryDeadline = loop.retryDeadline("sendmsg", rc, retryDeadline, "the socket's send buffer stays full");
            } else {
                LinuxException.check("sendmsg", rc);
                throw new IllegalStateException("sendmsg sent nothing of " + (payload - sentOfPacket) + " bytes");
            }
            if (config.poll()) {
                loop.awaitWritable(null);
            }
        }
    }

    @Override
    public void drain() {
        // Nothing is owed: the kernel copied every packet inside sendmsg(2).
    }

    @Override
    public void close() {
        new Teardown().close(socket).close(sendMsg).close(loop).close(pool).done();
    }
}

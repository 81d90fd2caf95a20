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
        for (int sent = 0; sent < config.batch(); ) {
            if (config.verify()) {
                Stamp.sequence(buffer, sequence);
            }
            counters.syscalls++;
            long rc = sendMsg.send(socket, buffer, payload, sendFlags);
            if (rc > 0 && rc < payload) {
                rc = sendRest(rc);
            }
            if (rc == payload) {
                sequence++;
                sent++;
                counters.packets++;
                counters.bytes += payload;
                retryDeadline = 0;
            } else {
                retryDeadline = retryOrFail(rc, retryDeadline, payload);
            }
            if (config.poll()) {
                loop.awaitWritable(null);
            }
        }
    }

    /**
     * A stream took {@code took} bytes of the packet: sends the rest before anything else and returns the
     * payload; a datagram sent in part is an error (docs/ARCHITECTURE.md, "The TCP loop").
     */
    private long sendRest(long took) {
        int payload = config.payload();
        int sent = taken(took, 0, "sendmsg");
        long retryDeadline = 0;
        while (sent < payload) {
            if (config.poll()) {
                loop.awaitWritable(null);
            }
            counters.syscalls++;
            long rc = sendMsg.send(socket, rest(buffer, sent), payload - sent, sendFlags);
            int more = taken(rc, sent, "sendmsg");
            if (more > 0) {
                sent += more;
                retryDeadline = 0;
            } else {
                retryDeadline = retryOrFail(rc, retryDeadline, payload - sent);
            }
        }
        return payload;
    }

    /** A send that took nothing: counted as a retry when the socket was full, else an error; the new deadline. */
    private long retryOrFail(long rc, long retryDeadline, int bytes) {
        if (rc == -Errno.EAGAIN || rc == -Errno.ENOBUFS) {
            // The selftest goes on to poll(POLLOUT) and sends again; so does this loop.
            counters.retries++;
            return loop.retryDeadline("sendmsg", rc, retryDeadline, "the socket's send buffer stays full");
        }
        LinuxException.check("sendmsg", rc);
        throw new IllegalStateException("sendmsg sent nothing of " + bytes + " bytes");
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

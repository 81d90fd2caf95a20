package zcbench.variants.msgzerocopy;

import static zcbench.linux.net.NetConstants.MSG_DONTWAIT;
import static zcbench.linux.net.NetConstants.MSG_ZEROCOPY;
import static zcbench.linux.net.NetConstants.SOL_SOCKET;
import static zcbench.linux.net.NetConstants.SO_EE_CODE_ZEROCOPY_COPIED;
import static zcbench.linux.net.NetConstants.SO_EE_ORIGIN_ZEROCOPY;
import static zcbench.linux.net.NetConstants.SO_SNDBUF;
import static zcbench.linux.net.NetConstants.SO_ZEROCOPY;

import zcbench.linux.Errno;
import zcbench.linux.LinuxException;
import zcbench.linux.Teardown;
import zcbench.linux.net.ErrqueueReader;
import zcbench.linux.net.InetSocket;
import zcbench.linux.net.SendMsg;
import zcbench.variants.AbstractSender;
import zcbench.variants.PayloadPool;
import zcbench.variants.RequestTable;
import zcbench.variants.SendConfig;
import zcbench.variants.SocketLoop;
import zcbench.variants.Stamp;

/**
 * SO_ZEROCOPY + sendmsg(MSG_ZEROCOPY): the kernel's msg_zerocopy selftest with {@code -z}. The
 * kernel numbers successful zero-copy sends 0, 1, 2, ... per socket and reports their completion
 * on the error queue as ranges [ee_info, ee_data].
 *
 * <p>The loop is the selftest's: after every {@link SendConfig#NOTIFICATION_LIMIT} sends the error
 * queue is read until empty; with {@code poll} each send is MSG_DONTWAIT and followed by
 * poll(POLLOUT), and the error queue is read whenever that finds the socket not writable. With
 * {@code verify} a buffer is free again only once the range covering its send has arrived.
 */
public final class MsgZerocopySender extends AbstractSender {
    private static final int ERROR_POLL_SLICE_MILLIS = 100;

    private final InetSocket socket;
    private final RequestTable requests;
    private final int sendFlags;
    private final Runnable readCompletions = this::readCompletions;
    private SendMsg sendMsg;
    private ErrqueueReader errqueue;
    private SocketLoop loop;
    private long sequence;
    private int sendsSinceRead;
    /** Per buffer: the packet being sent from it and each of its sends awaiting completion. */
    private int[] holds;
    /** The buffer of the packet being sent, -1 between packets; a stream may take it in parts. */
    private int slot = -1;
    private int sentOfPacket;

    /** Takes ownership of {@code socket}; on failure everything is closed, the socket too. */
    public MsgZerocopySender(SendConfig config, InetSocket socket) {
        super(config);
        this.socket = socket;
        this.sendFlags = MSG_ZEROCOPY | (config.poll() ? MSG_DONTWAIT : 0);
        this.requests = RequestTable.create(config.ubufCache(), config.maxInFlight());
        try {
            socket.setOption(SOL_SOCKET, SO_SNDBUF, SocketLoop.SNDBUF_BYTES);
            socket.setOption(SOL_SOCKET, SO_ZEROCOPY, 1);
            pool = PayloadPool.of(config);
            holds = new int[pool.size()];
            sendMsg = new SendMsg();
            errqueue = new ErrqueueReader();
            loop = new SocketLoop(socket, counters);
        } catch (RuntimeException | Error e) {
            new Teardown().close(socket).close(errqueue).close(sendMsg).close(loop).close(pool).doneAfter(e);
            throw e;
        }
    }

    @Override
    public void sendBatch() {
        int payload = config.payload();
        long retryDeadline = 0;
        for (int sent = 0; sent < config.batch(); ) {
            if (slot < 0) {
                while (pool.free() == 0 || !requests.canBegin()) {
                    awaitCompletion();
                }
                slot = pool.acquire();
                holds[slot]++;
                if (config.verify()) {
                    Stamp.sequence(pool.buffer(slot), sequence);
                }
            }
            while (!requests.canBegin()) {
                awaitCompletion();
            }
            counters.syscalls++;
            long rc = sendMsg.send(socket, rest(pool.buffer(slot), sentOfPacket), payload - sentOfPacket, sendFlags);
            int took = taken(rc, sentOfPacket, "sendmsg(MSG_ZEROCOPY)");
            if (took > 0) {
                // Only a send that took bytes takes a kernel id, so this id is the kernel's; on a stream
                // each part of a packet has one, and the buffer is free when the last of them completed.
                int id = requests.begin(slot);
                if (latency != null) {
                    latency.sent(id, System.nanoTime());
                }
                holds[slot]++;
                sentOfPacket += took;
                sendsSinceRead++;
                retryDeadline = 0;
                if (sentOfPacket == payload) {
                    drop(slot);
                    slot = -1;
                    sentOfPacket = 0;
                    sequence++;
                    sent++;
                    counters.packets++;
                    counters.bytes += payload;
                }
            } else if (rc == -Errno.EAGAIN || rc == -Errno.ENOBUFS) {
                // ENOBUFS: the socket's option memory (optmem) is full of unread notifications.
                counters.retries++;
                retryDeadline = loop.retryDeadline("sendmsg(MSG_ZEROCOPY)", rc, retryDeadline,
                        requests.inFlight() + " sends awaiting completion; see sysctl net.core.optmem_max");
                if (requests.inFlight() > 0) {
                    readCompletions();
                }
            } else {
                LinuxException.check("sendmsg(MSG_ZEROCOPY)", rc);
                throw new IllegalStateException("sendmsg(MSG_ZEROCOPY) sent nothing of " + (payload - sentOfPacket)
                        + " bytes");
            }
            if (sendsSinceRead >= SendConfig.NOTIFICATION_LIMIT) {
                readCompletions();
            }
            if (config.poll()) {
                loop.awaitWritable(readCompletions);
            }
        }
    }

    /** Ends one hold on {@code slot}: the buffer is free when neither the loop nor a send in flight holds it. */
    private void drop(int held) {
        if (--holds[held] == 0) {
            pool.release(held);
        }
    }

    /** Reads the error queue until it is empty, as the selftest's do_recv_completions. */
    private void readCompletions() {
        while (reapOne() > 0) {
            // each read frees a range
        }
        sendsSinceRead = 0;
    }

    /** Reads one completion range if one is queued, without blocking; returns the sends it covered. */
    private int reapOne() {
        counters.syscalls++;
        if (!errqueue.read(socket)) {
            return 0;
        }
        if (errqueue.eeOrigin() != SO_EE_ORIGIN_ZEROCOPY || errqueue.eeErrno() != 0) {
            throw new IllegalStateException("error queue: not a zero-copy completion (origin "
                    + errqueue.eeOrigin() + ", errno " + errqueue.eeErrno() + ")");
        }
        boolean copied = (errqueue.eeCode() & SO_EE_CODE_ZEROCOPY_COPIED) != 0;
        int last = errqueue.eeData();
        int covered = 0;
        long seenAt = latency == null ? 0 : System.nanoTime();
        // The range is inclusive and its ids wrap at 2^32 like the kernel's.
        for (int id = errqueue.eeInfo(); ; id++) {
            if (latency != null) {
                latency.notified(id, seenAt);
            }
            drop(requests.complete(id));
            covered++;
            if (id == last) {
                break;
            }
        }
        counters.notifications += covered;
        if (copied) {
            counters.copied += covered;
        }
        return covered;
    }

    /** Blocks until at least one completion range has been reaped; a silent kernel is an error. */
    private void awaitCompletion() {
        if (requests.inFlight() == 0) {
            throw new IllegalStateException("waiting for a MSG_ZEROCOPY completion with no send in flight");
        }
        long deadline = System.nanoTime() + SocketLoop.WAIT_LIMIT_NANOS;
        while (reapOne() == 0) {
            if (System.nanoTime() - deadline > 0) {
                throw new IllegalStateException("no MSG_ZEROCOPY completion within "
                        + SocketLoop.WAIT_LIMIT_NANOS / 1_000_000_000L + " s: " + requests.inFlight()
                        + " sends outstanding, next id " + Integer.toUnsignedString(requests.nextId())
                        + " (a gap in the kernel's completion ranges?)");
            }
            loop.pollError(ERROR_POLL_SLICE_MILLIS);
        }
        sendsSinceRead = 0;
    }

    @Override
    public void drain() {
        while (requests.inFlight() > 0) {
            awaitCompletion();
        }
    }

    @Override
    public void close() {
        new Teardown()
                .step(this::drain)
                .close(socket)
                .close(errqueue)
                .close(sendMsg)
                .close(loop)
                .close(pool)
                .done();
    }
}

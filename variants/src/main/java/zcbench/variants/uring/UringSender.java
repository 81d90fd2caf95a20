package zcbench.variants.uring;

import static zcbench.linux.net.NetConstants.MSG_WAITALL;
import static zcbench.linux.uring.IoUringConstants.IORING_CQE_F_MORE;
import static zcbench.linux.uring.IoUringConstants.IORING_CQE_F_NOTIF;
import static zcbench.linux.uring.IoUringConstants.IORING_FEAT_EXT_ARG;
import static zcbench.linux.uring.IoUringConstants.IORING_NOTIF_USAGE_ZC_COPIED;
import static zcbench.linux.uring.IoUringConstants.IORING_RECVSEND_FIXED_BUF;
import static zcbench.linux.uring.IoUringConstants.IORING_SEND_VECTORIZED;
import static zcbench.linux.uring.IoUringConstants.IORING_SEND_ZC_REPORT_USAGE;
import static zcbench.linux.uring.IoUringConstants.IORING_SETUP_COOP_TASKRUN;
import static zcbench.linux.uring.IoUringConstants.IORING_SETUP_DEFER_TASKRUN;
import static zcbench.linux.uring.IoUringConstants.IORING_SETUP_SINGLE_ISSUER;

import java.lang.foreign.MemorySegment;

import zcbench.linux.LinuxException;
import zcbench.linux.Teardown;
import zcbench.linux.net.InetSocket;
import zcbench.linux.uring.CompletionQueue;
import zcbench.linux.uring.CqeHandler;
import zcbench.linux.uring.IoUring;
import zcbench.linux.uring.SubmissionQueue;
import zcbench.variants.AbstractSender;
import zcbench.variants.PayloadPool;
import zcbench.variants.RequestTable;
import zcbench.variants.Requirements;
import zcbench.variants.SendConfig;
import zcbench.variants.Stamp;

/**
 * io_uring senders: IORING_OP_SEND (uring_send), IORING_OP_SEND_ZC on normal buffers (uring_zc,
 * with IORING_SEND_VECTORIZED when iov is above 1) and on registered buffers (uring_zc_fixed),
 * IORING_OP_SENDMSG_ZC on normal buffers (uring_sendmsg_zc) and on registered ones
 * (uring_sendmsg_zc_fixed). One ring per sender, set up as liburing's
 * send-zerocopy example does (COOP_TASKRUN | SINGLE_ISSUER, the ring fd registered), the socket
 * registered as fixed file 0, {@code batch} SQEs per io_uring_enter.
 *
 * <p>A SEND_ZC request posts its send result with IORING_CQE_F_MORE when a notification will
 * follow, and later the notification (IORING_CQE_F_NOTIF). Every F_MORE owes exactly one
 * notification, failed sends included; the buffer is free again only after it.
 */
public final class UringSender extends AbstractSender implements CqeHandler {
    static final long WAIT_LIMIT_NANOS = 10_000_000_000L;
    private static final int FIXED_FILE = 0;

    private final InetSocket socket;
    private final boolean zeroCopy;
    private final boolean messages;
    private final boolean vectorized;
    private final int zcFlags;
    /** MSG_WAITALL on a stream: the kernel sends a short send's rest itself (docs/ARCHITECTURE.md, "The TCP loop"). */
    private final int msgFlags;
    private final RequestTable requests;
    private SlotVectors vectors;
    private IoUring ring;
    private SubmissionQueue sq;
    private CompletionQueue cq;
    private long sequence;
    private int sendsOutstanding;
    private int notificationsOwed;

    /**
     * Takes ownership of {@code socket}; on failure everything is closed, the socket too.
     *
     * @param messages IORING_OP_SENDMSG_ZC, each request a msghdr with its iovec array
     * @param fixed    sends from buffers registered with the ring (IORING_RECVSEND_FIXED_BUF)
     */
    UringSender(SendConfig config, InetSocket socket, boolean messages, boolean fixed) {
        super(config);
        this.socket = socket;
        this.zeroCopy = config.variant().zeroCopy();
        this.messages = messages;
        this.vectorized = !messages && config.iov() > 1;
        this.msgFlags = stream ? MSG_WAITALL : 0;
        this.zcFlags = IORING_SEND_ZC_REPORT_USAGE | (fixed ? IORING_RECVSEND_FIXED_BUF : 0)
                | (vectorized ? IORING_SEND_VECTORIZED : 0);
        int inFlight = config.maxInFlight();
        this.requests = RequestTable.create(config.ubufCache(), inFlight);
        try {
            Requirements.unmet(config, Requirements.THIS_MACHINE).ifPresent(needs -> {
                throw new IllegalStateException(config.variant().id() + " cannot run here: " + needs);
            });
            pool = PayloadPool.of(config);
            if (messages || vectorized) {
                vectors = new SlotVectors(pool.buffers(), config.payload(), config.iov());
            }
            // Two CQEs per zero-copy request in flight, and room to spare: the CQ must never overflow.
            int sqEntries = Integer.highestOneBit(config.batch() * 2 - 1);
            int cqEntries = Integer.highestOneBit(Math.max(8, 4 * (inFlight + config.batch())) - 1) << 1;
            // DEFER_TASKRUN binds the ring to this thread at set-up: the thread that opens a sender sends.
            int taskrun = config.defer() ? IORING_SETUP_DEFER_TASKRUN : IORING_SETUP_COOP_TASKRUN;
            ring = IoUring.open(sqEntries, taskrun | IORING_SETUP_SINGLE_ISSUER, cqEntries);
            sq = ring.sq();
            cq = ring.cq();
            if (!ring.hasFeature(IORING_FEAT_EXT_ARG)) {
                throw new IllegalStateException("io_uring: this kernel lacks IORING_FEAT_EXT_ARG (Linux 5.11+),"
                        + " which zcbench needs to wait for completions with a time limit");
            }
            ring.registration().registerFiles(socket.fd());
            ring.registerRingFd();
            if (fixed) {
                ring.registration().registerBuffers(pool.buffers());
            }
        } catch (RuntimeException | Error e) {
            new Teardown().close(ring).close(socket).close(vectors).close(pool).doneAfter(e);
            throw e;
        }
    }

    /**
     * send-zerocopy.c's iteration: {@code batch} SQEs, one io_uring_enter that submits them without
     * waiting, then the batch's send results CQE by CQE, reaping what is ready and waiting (with a
     * limit) only when nothing is. Notifications are consumed as they are seen; with flush the
     * batch also waits for its own.
     */
    @Override
    public void sendBatch() {
        int batch = config.batch();
        int payload = config.payload();
        for (int i = 0; i < batch; i++) {
            // Only with verify can buffers run out; either way the request table is bounded.
            while (pool.free() == 0 || !requests.canBegin()) {
                awaitCompletion();
            }
            int slot = pool.acquire();
            MemorySegment buffer = pool.buffer(slot);
            if (config.verify()) {
                Stamp.sequence(buffer, sequence++);
            }
            if (stream) {
                chain();
            }
            int id = requests.begin(slot);
            if (messages) {
                sq.prepSendmsgZc(FIXED_FILE, true, vectors.msghdr(slot), msgFlags, zcFlags, slot,
                        Integer.toUnsignedLong(id));
            } else if (vectorized) {
                sq.prepSendZc(FIXED_FILE, true, vectors.iovecs(slot), vectors.entries(), msgFlags, zcFlags, slot,
                        Integer.toUnsignedLong(id));
            } else if (zeroCopy) {
                sq.prepSendZc(FIXED_FILE, true, buffer, payload, msgFlags, zcFlags, slot, Integer.toUnsignedLong(id));
            } else {
                sq.prepSend(FIXED_FILE, true, buffer, payload, msgFlags, Integer.toUnsignedLong(id));
            }
            sendsOutstanding++;
        }
        sq.submit();
        while (sendsOutstanding > 0) {
            if (cq.reap(this) == 0) {
                awaitCompletion();
            }
        }
        if (config.flush()) {
            while (notificationsOwed > 0) {
                if (cq.reap(this) == 0) {
                    awaitCompletion();
                }
            }
        }
        counters.enters = ring.enters();
    }

    /**
     * Keeps a stream's bytes in order: the next send joins the chain of those not yet submitted
     * (IOSQE_IO_LINK on the one before), or, when they went with a wait for a buffer, starts only once
     * every submitted send has completed, so that two chains never run side by side.
     */
    private void chain() {
        if (sq.unsubmitted() > 0) {
            sq.linkLast();
            return;
        }
        while (sendsOutstanding > 0) {
            awaitCompletion();
        }
    }

    @Override
    public void onCqe(long userData, int res, int flags) {
        int id = (int) userData;
        if ((flags & IORING_CQE_F_NOTIF) != 0) {
            notificationsOwed--;
            if (latency != null) {
                latency.notified(id, System.nanoTime());
            }
            pool.release(requests.complete(id));
            counters.notifications++;
            if ((res & IORING_NOTIF_USAGE_ZC_COPIED) != 0) {
                counters.copied++;
            }
            return;
        }
        sendsOutstanding--;
        boolean notificationFollows = (flags & IORING_CQE_F_MORE) != 0;
        if (notificationFollows) {
            notificationsOwed++;
            if (latency != null) {
                latency.sent(id, System.nanoTime());
            }
        } else {
            pool.release(requests.complete(id));
        }
        if (res != config.payload()) {
            String op = messages ? "IORING_OP_SENDMSG_ZC" : zeroCopy ? "IORING_OP_SEND_ZC" : "IORING_OP_SEND";
            if (res < 0) {
                throw new LinuxException(op + " (request " + Integer.toUnsignedString(id) + ")", -res);
            }
            throw new IllegalStateException(op + ": short send of " + res + " of " + config.payload() + " bytes");
        }
        counters.packets++;
        counters.bytes += res;
    }

    /**
     * Submits what is written, waits for at least one CQE (with GETEVENTS, which also runs task
     * work) and reaps; a silent kernel is an error.
     */
    private void awaitCompletion() {
        if (sendsOutstanding == 0 && notificationsOwed == 0 && sq.pending() == 0) {
            throw new IllegalStateException("waiting for a completion with nothing in flight");
        }
        if (!sq.submitAndWait(1, WAIT_LIMIT_NANOS)) {
            throw new IllegalStateException("io_uring: no completion within " + WAIT_LIMIT_NANOS / 1_000_000_000L
                    + " s with " + sendsOutstanding + " send results and " + notificationsOwed
                    + " notifications outstanding (a missing notification?)");
        }
        cq.reap(this);
    }

    @Override
    public void drain() {
        while (sendsOutstanding > 0 || notificationsOwed > 0) {
            awaitCompletion();
        }
        counters.enters = ring.enters();
    }

    /** Drains first: the ring, the msghdrs and the buffers go only when the kernel owes nothing more. */
    @Override
    public void close() {
        new Teardown().step(this::drain).close(ring).close(socket).close(vectors).close(pool).done();
    }
}

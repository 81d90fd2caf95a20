package zcbench.variants.msgzerocopy;

import static zcbench.linux.net.NetConstants.MSG_ZEROCOPY;
import static zcbench.linux.net.NetConstants.SOL_SOCKET;
import static zcbench.linux.net.NetConstants.SO_EE_CODE_ZEROCOPY_COPIED;
import static zcbench.linux.net.NetConstants.SO_EE_ORIGIN_ZEROCOPY;
import static zcbench.linux.net.NetConstants.SO_ZEROCOPY;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

import zcbench.linux.Errno;
import zcbench.linux.Libc;
import zcbench.linux.Teardown;
import zcbench.linux.net.ErrqueueReader;
import zcbench.linux.net.InetSocket;
import zcbench.linux.net.SendMsg;
import zcbench.linux.net.Structs;
import zcbench.variants.PayloadPool;
import zcbench.variants.RequestTable;
import zcbench.variants.SendConfig;
import zcbench.variants.SendCounters;
import zcbench.variants.Sender;
import zcbench.variants.Stamp;

/**
 * SO_ZEROCOPY + sendmsg(MSG_ZEROCOPY). The kernel numbers successful zero-copy sends 0, 1, 2, ...
 * per socket and reports their completion on the error queue as ranges [ee_info, ee_data]; a
 * buffer is free again once the range covering its send has arrived.
 */
public final class MsgZerocopySender implements Sender {
    static final long WAIT_LIMIT_NANOS = 10_000_000_000L;
    private static final int POLL_SLICE_MILLIS = 100;

    private final SendConfig config;
    private final InetSocket socket;
    private final RequestTable requests;
    private final SendCounters counters = new SendCounters();
    private PayloadPool pool;
    private SendMsg sendMsg;
    private ErrqueueReader errqueue;
    private Arena arena;
    private MemorySegment pollfd;
    private long sequence;

    /** Takes ownership of {@code socket}; on failure everything is closed, the socket too. */
    public MsgZerocopySender(SendConfig config, InetSocket socket) {
        this.config = config;
        this.socket = socket;
        this.requests = RequestTable.create(config.ubufCache(), config.effectiveSlots());
        try {
            socket.setOption(SOL_SOCKET, SO_ZEROCOPY, 1);
            pool = new PayloadPool(config.effectiveSlots(), config.payload());
            sendMsg = new SendMsg();
            errqueue = new ErrqueueReader();
            arena = Arena.ofConfined();
            pollfd = arena.allocate(Structs.POLLFD);
        } catch (RuntimeException | Error e) {
            Teardown t = new Teardown().close(socket).close(errqueue).close(sendMsg).close(arena).close(pool);
            t.doneAfter(e);
            throw e;
        }
    }

    /**
     * Completions are read only when a buffer is needed: the error queue coalesces them into
     * ranges, so one recvmsg frees many buffers. The kernel's msg_zerocopy tool likewise reads
     * them every 32 sends rather than after each.
     */
    @Override
    public void sendBatch() {
        int payload = config.payload();
        for (int i = 0; i < config.batch(); i++) {
            while (pool.free() == 0 || !requests.canBegin()) {
                if (reapOne() == 0) {
                    awaitCompletion();
                }
            }
            int slot = pool.acquire();
            MemorySegment buffer = pool.buffer(slot);
            Stamp.sequence(buffer, sequence);
            long rc;
            // ENOBUFS: the socket's option memory (optmem) is full of unreaped notifications.
            while ((rc = sendMsg.send(socket, buffer, payload, MSG_ZEROCOPY)) == -Errno.ENOBUFS || rc == -Errno.EAGAIN) {
                counters.retries++;
                if (requests.inFlight() > 0) {
                    awaitCompletion();
                } else {
                    Thread.onSpinWait();
                }
            }
            if (rc != payload) {
                pool.release(slot);
                Libc.check("sendmsg(MSG_ZEROCOPY)", rc);
                throw new IllegalStateException("sendmsg(MSG_ZEROCOPY): short send of " + rc + " of " + payload + " bytes");
            }
            // Only a successful send takes a kernel id, so this id is the kernel's.
            requests.begin(slot);
            sequence++;
            counters.packets++;
            counters.bytes += payload;
        }
    }

    /** Reads one completion range if one is queued, without blocking; returns the sends it covered. */
    private int reapOne() {
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
        // The range is inclusive and its ids wrap at 2^32 like the kernel's.
        for (int id = errqueue.eeInfo(); ; id++) {
            pool.release(requests.complete(id));
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
        long deadline = System.nanoTime() + WAIT_LIMIT_NANOS;
        while (reapOne() == 0) {
            if (System.nanoTime() - deadline > 0) {
                throw new IllegalStateException("no MSG_ZEROCOPY completion within " + WAIT_LIMIT_NANOS / 1_000_000_000L
                        + " s: " + requests.inFlight() + " sends outstanding, next id "
                        + Integer.toUnsignedString(requests.nextId()) + " (a gap in the kernel's completion ranges?)");
            }
            // The error queue raises POLLERR whatever events were asked for.
            socket.poll(pollfd, (short) 0, POLL_SLICE_MILLIS);
        }
    }

    @Override
    public void drain() {
        while (requests.inFlight() > 0) {
            awaitCompletion();
        }
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
        new Teardown()
                .step(this::drain)
                .close(socket)
                .close(errqueue)
                .close(sendMsg)
                .close(arena)
                .close(pool)
                .done();
    }
}

package zcbench.linux.uring;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static zcbench.linux.uring.IoUringConstants.IORING_CQE_F_MORE;
import static zcbench.linux.uring.IoUringConstants.IORING_CQE_F_NOTIF;
import static zcbench.linux.uring.IoUringConstants.IORING_NOTIF_USAGE_ZC_COPIED;
import static zcbench.linux.uring.IoUringConstants.IORING_RECVSEND_FIXED_BUF;
import static zcbench.linux.uring.IoUringConstants.IORING_SEND_ZC_REPORT_USAGE;
import static zcbench.linux.uring.IoUringConstants.IORING_SETUP_COOP_TASKRUN;
import static zcbench.linux.uring.IoUringConstants.IORING_SETUP_SINGLE_ISSUER;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.net.Inet4Address;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import zcbench.linux.Errno;
import zcbench.linux.LinuxException;
import zcbench.linux.Teardown;
import zcbench.linux.net.InetSocket;
import zcbench.linux.net.NetConstants;
import zcbench.linux.net.Structs;

/** The ring's send opcodes against a real receiving socket on 127.0.0.1. */
class IoUringSendTest {
    record Cqe(long userData, int res, int flags) {
        boolean notif() {
            return (flags & IORING_CQE_F_NOTIF) != 0;
        }

        boolean more() {
            return (flags & IORING_CQE_F_MORE) != 0;
        }
    }

    private Arena arena;
    private InetSocket rx;
    private InetSocket tx;

    /** A receiving socket on 127.0.0.1 and a sending one connected to it. */
    @BeforeEach
    void connect() {
        arena = Arena.ofConfined();
        rx = InetSocket.udp();
        tx = InetSocket.udp();
        Inet4Address loopback = Inet4Address.ofLiteral("127.0.0.1");
        rx.bind(loopback, 0);
        tx.connect(loopback, rx.localAddress().getPort());
    }

    @AfterEach
    void close() {
        new Teardown().close(tx).close(rx).close(arena).done();
    }

    /** Reaps until {@code n} CQEs have arrived. */
    private static List<Cqe> reap(IoUring ring, int n) {
        List<Cqe> got = new ArrayList<>();
        while (got.size() < n) {
            if (ring.cq().ready() == 0) {
                assertTrue(ring.sq().submitAndWait(1, 5_000_000_000L), "a CQE within 5 s");
            }
            ring.cq().reap((u, r, f) -> got.add(new Cqe(u, r, f)));
        }
        return got;
    }

    @Test
    void sendDeliversExactlyTheBytesSent() {
        try (IoUring ring = IoUring.open(8, IORING_SETUP_COOP_TASKRUN | IORING_SETUP_SINGLE_ISSUER)) {
            byte[] bytes = new byte[1500];
            for (int i = 0; i < bytes.length; i++) {
                bytes[i] = (byte) (i * 7 + 3);
            }
            MemorySegment buf = arena.allocateFrom(ValueLayout.JAVA_BYTE, bytes);
            ring.sq().prepSend(tx.fd(), false, buf, bytes.length, 0, 42);
            ring.sq().submitAndWait(1);
            List<Cqe> cqes = reap(ring, 1);
            assertEquals(List.of(new Cqe(42, 1500, 0)), cqes);
            MemorySegment in = arena.allocate(65536);
            long n = LinuxException.check("recv", rx.recv(in, in.byteSize(), NetConstants.MSG_DONTWAIT));
            assertEquals(1500, n);
            assertArrayEquals(bytes, in.asSlice(0, n).toArray(ValueLayout.JAVA_BYTE));
        }
    }

    @Test
    void sendZcOverLoopbackOwesOneNotificationAndReportsTheCopy() {
        try (IoUring ring = IoUring.open(8, IORING_SETUP_COOP_TASKRUN | IORING_SETUP_SINGLE_ISSUER)) {
            MemorySegment buf = arena.allocate(65536, 4096);
            ring.registration().registerBuffers(buf);
            ring.registration().registerFiles(tx.fd());
            ring.sq().prepSendZc(0, true, buf, 32768, 0, IORING_SEND_ZC_REPORT_USAGE | IORING_RECVSEND_FIXED_BUF, 0, 7);
            ring.sq().submitAndWait(1);
            List<Cqe> cqes = reap(ring, 2);
            assertEquals(32768, cqes.get(0).res());
            assertTrue(cqes.get(0).more(), "the send result says a notification follows");
            assertTrue(cqes.get(1).notif() && !cqes.get(1).more(), "then exactly one notification");
            assertEquals(7, cqes.get(1).userData());
            assertTrue((cqes.get(1).res() & IORING_NOTIF_USAGE_ZC_COPIED) != 0, "loopback copied it");
            assertEquals(0, ring.cq().ready(), "nothing more");
        }
    }

    /**
     * Every field the SQE is packed with reaches the kernel whole: the registered buffer named by a
     * buf_index above 0 (its bytes arrive, not buffer 0's), the length, a MSG_ flag and all 64 bits
     * of user_data. An SQE left with an earlier request's fields would send the wrong bytes.
     */
    @Test
    void fixedSendZcSendsTheRegisteredBufferItsIndexNames() {
        try (IoUring ring = IoUring.open(8, IORING_SETUP_COOP_TASKRUN | IORING_SETUP_SINGLE_ISSUER)) {
            MemorySegment first = arena.allocate(4096, 4096);
            MemorySegment second = arena.allocate(4096, 4096);
            first.fill((byte) 0x11);
            for (int i = 0; i < 4096; i++) {
                second.set(ValueLayout.JAVA_BYTE, i, (byte) (i * 13 + 5));
            }
            ring.registration().registerBuffers(first, second);
            ring.registration().registerFiles(tx.fd());
            long userData = 0xfedc_ba98_7654_3210L;
            int zc = IORING_SEND_ZC_REPORT_USAGE | IORING_RECVSEND_FIXED_BUF;
            // An earlier SQE in the same slot with every field different, so that a field the
            // packing missed would keep its value.
            ring.sq().prepSendZc(0, true, first, 4000, NetConstants.MSG_DONTWAIT, zc, 0, 1);
            ring.sq().submitAndWait(1);
            reap(ring, 2);
            for (int i = 0; i < 7; i++) {
                ring.sq().prepNop(100 + i);
            }
            ring.sq().submit();
            reap(ring, 7);
            MemorySegment in = arena.allocate(65536);
            assertEquals(4000, LinuxException.check("recv", rx.recv(in, in.byteSize(), NetConstants.MSG_DONTWAIT)));

            ring.sq().prepSendZc(0, true, second.asSlice(96), 3000, NetConstants.MSG_DONTWAIT, zc, 1, userData);
            ring.sq().submitAndWait(1);
            List<Cqe> cqes = reap(ring, 2);
            assertEquals(new Cqe(userData, 3000, IORING_CQE_F_MORE), cqes.get(0));
            assertEquals(userData, cqes.get(1).userData());
            assertTrue(cqes.get(1).notif());
            long n = LinuxException.check("recv", rx.recv(in, in.byteSize(), NetConstants.MSG_DONTWAIT));
            assertEquals(3000, n);
            assertArrayEquals(second.asSlice(96, 3000).toArray(ValueLayout.JAVA_BYTE),
                    in.asSlice(0, n).toArray(ValueLayout.JAVA_BYTE), "buffer 1's bytes, from the offset given");
        }
    }

    @Test
    void aFailedSendZcStillGetsItsOneNotification() {
        try (IoUring ring = IoUring.open(8, IORING_SETUP_COOP_TASKRUN | IORING_SETUP_SINGLE_ISSUER)) {
            MemorySegment buf = arena.allocate(70000, 4096);
            // Larger than any UDP datagram over IPv4.
            ring.sq().prepSendZc(tx.fd(), false, buf, 70000, 0, IORING_SEND_ZC_REPORT_USAGE, 0, 9);
            ring.sq().submitAndWait(1);
            List<Cqe> cqes = reap(ring, 1);
            Cqe first = cqes.getFirst();
            assertEquals(-Errno.EMSGSIZE, first.res());
            assertTrue(first.more(), "a failed SEND_ZC still says a notification follows");
            if (cqes.size() == 1) {
                cqes.addAll(reap(ring, 1));
            }
            assertEquals(2, cqes.size());
            assertTrue(cqes.get(1).notif(), "and it comes: exactly one");
            assertEquals(0, ring.cq().ready());
        }
    }

    @Test
    void sendmsgZcSendsTheIovec() {
        try (IoUring ring = IoUring.open(8, 0)) {
            MemorySegment buf = arena.allocate(4096, 4096);
            buf.fill((byte) 0x5a);
            MemorySegment iov = arena.allocate(Structs.IOVEC);
            iov.set(ValueLayout.ADDRESS, Structs.offset(Structs.IOVEC, "iov_base"), buf);
            iov.set(ValueLayout.JAVA_LONG, Structs.offset(Structs.IOVEC, "iov_len"), 4096);
            MemorySegment msg = arena.allocate(Structs.MSGHDR);
            msg.set(ValueLayout.ADDRESS, Structs.offset(Structs.MSGHDR, "msg_iov"), iov);
            msg.set(ValueLayout.JAVA_LONG, Structs.offset(Structs.MSGHDR, "msg_iovlen"), 1);
            ring.sq().prepSendmsgZc(tx.fd(), false, msg, 0, IORING_SEND_ZC_REPORT_USAGE, 0, 11);
            ring.sq().submitAndWait(1);
            List<Cqe> cqes = reap(ring, 2);
            assertEquals(4096, cqes.get(0).res());
            assertTrue(cqes.get(1).notif());
            MemorySegment in = arena.allocate(65536);
            assertEquals(4096, LinuxException.check("recv", rx.recv(in, in.byteSize(), NetConstants.MSG_DONTWAIT)));
        }
    }

    @Test
    void completionsThatDidNotFitAreFlushedNotLost() {
        try (IoUring ring = IoUring.open(8, 0, 8)) {
            // 32 NOPs into a CQ of 8: the kernel parks 24 (FEAT_NODROP) and raises SQ_CQ_OVERFLOW.
            long sum = 0;
            for (int round = 0; round < 4; round++) {
                for (int i = 0; i < 8; i++) {
                    ring.sq().prepNop(round * 8L + i);
                }
                ring.sq().submit();
            }
            List<Long> seen = new ArrayList<>();
            while (seen.size() < 32) {
                int n = ring.cq().reap((u, r, f) -> seen.add(u));
                if (n == 0 && seen.size() < 32) {
                    ring.cq().waitCqes(1);
                }
            }
            for (long u : seen) {
                sum += u;
            }
            assertEquals(31 * 32 / 2, sum, "every completion arrived once");
            assertTrue(ring.cq().overflowFlushes() >= 1, "the overflow was noticed and flushed");
        }
    }
}

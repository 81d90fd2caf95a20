package zcbench.variants.receive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import zcbench.linux.net.Protocol;
import zcbench.variants.Stamp;

/** The receiver's stamp checks on good, reordered and corrupted records, over UDP and a TCP byte stream. */
class ReceiverTest {
    private static final int PAYLOAD = 1000;

    private static byte[] stamped(long seq) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment buf = arena.allocate(PAYLOAD);
            Stamp.prepare(buf, PAYLOAD);
            Stamp.sequence(buf, seq);
            return buf.toArray(java.lang.foreign.ValueLayout.JAVA_BYTE);
        }
    }

    private static byte[] corrupted(long seq) {
        byte[] b = stamped(seq);
        b[PAYLOAD / 2] ^= 1;
        return b;
    }

    /** Sends the records, then receives until the receiver has them all (or 10 s pass). */
    private static Totals udp(String host, int payload, List<byte[]> records) throws Exception {
        InetAddress local = InetAddress.getByName(host);
        try (Receiver r = Receiver.bind(Protocol.UDP, new InetSocketAddress(local, 0), payload);
             DatagramChannel out = DatagramChannel.open()) {
            out.connect(r.address());
            for (byte[] rec : records) {
                out.write(ByteBuffer.wrap(rec));
            }
            return receiveAll(r, records.size());
        }
    }

    private static Totals receiveAll(Receiver r, int count) {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (r.totals().packets() < count && System.nanoTime() - deadline < 0) {
            r.run(Math.min(deadline, System.nanoTime() + 200_000_000L), t -> { });
        }
        return r.totals();
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "::1"})
    void goodRecordsInOrderAreCounted(String host) throws Exception {
        Totals t = udp(host, 0, List.of(stamped(0), stamped(1), stamped(2)));
        assertEquals(new Totals(3, 3L * PAYLOAD, 0, 0, 2, ""), t);
    }

    @Test
    void reorderedRecordsAreCountedOutOfOrder() throws Exception {
        Totals t = udp("127.0.0.1", PAYLOAD, List.of(stamped(0), stamped(2), stamped(1), stamped(3)));
        assertEquals(4, t.packets());
        assertEquals(1, t.outOfOrder(), t.toString());
        assertEquals(0, t.badStamps());
    }

    @Test
    void unchangingBuffersAreNotOutOfOrder() throws Exception {
        Totals t = udp("127.0.0.1", PAYLOAD, List.of(stamped(0), stamped(0), stamped(0)));
        assertEquals(new Totals(3, 3L * PAYLOAD, 0, 0, 0, ""), t);
    }

    @Test
    void aRepeatedFirstNumberIsOutOfOrderOnceTheNumbersGoUp() throws Exception {
        Totals t = udp("127.0.0.1", PAYLOAD, List.of(stamped(0), stamped(0), stamped(2), stamped(3)));
        assertEquals(new Totals(4, 4L * PAYLOAD, 1, 0, 3, ""), t);
    }

    @Test
    void corruptedRecordsAreBadStamps() throws Exception {
        byte[] shortOne = new byte[PAYLOAD - 1];
        System.arraycopy(stamped(3), 0, shortOne, 0, shortOne.length);
        Totals t = udp("127.0.0.1", PAYLOAD, List.of(stamped(0), corrupted(1), stamped(2), shortOne));
        assertEquals(4, t.packets());
        assertEquals(2, t.badStamps(), t.toString());
        assertTrue(t.firstProblem().contains("body differs at byte " + PAYLOAD / 2), t.firstProblem());
        assertEquals(0, t.outOfOrder());
    }

    @ParameterizedTest
    @ValueSource(ints = {0, PAYLOAD})
    void aTcpStreamIsCutIntoRecordsAndChecked(int payload) throws Exception {
        int records = 200;
        try (Receiver r = Receiver.bind(Protocol.TCP, new InetSocketAddress(InetAddress.getByName("::1"), 0),
                payload).start("tcp-receiver")) {
            try (Socket s = new Socket(r.address().getAddress(), r.address().getPort())) {
                OutputStream out = s.getOutputStream();
                byte[] all = new byte[records * PAYLOAD];
                for (int i = 0; i < records; i++) {
                    System.arraycopy(i == 150 ? corrupted(i) : stamped(i), 0, all, i * PAYLOAD, PAYLOAD);
                }
                // Written in pieces that cut records anywhere, as a byte stream may arrive.
                for (int at = 0; at < all.length; at += 777) {
                    out.write(all, at, Math.min(777, all.length - at));
                }
            }
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (r.totals().packets() < records && System.nanoTime() - deadline < 0) {
                Thread.sleep(20);
            }
            Totals t = r.totals();
            assertEquals(records, t.packets(), t.toString());
            assertEquals((long) records * PAYLOAD, t.bytes());
            assertEquals(1, t.badStamps(), t.toString());
            assertEquals(0, t.outOfOrder());
            assertEquals(records - 1, t.highest());
        }
    }

    /** Bytes after the last whole record are a record cut short, not lost without a word. */
    @ParameterizedTest
    @ValueSource(ints = {0, PAYLOAD})
    void aStreamThatEndsInsideARecordCountsThePartAsBad(int payload) throws Exception {
        try (Receiver r = Receiver.bind(Protocol.TCP, new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                payload).start("tcp-receiver")) {
            try (Socket s = new Socket(r.address().getAddress(), r.address().getPort())) {
                OutputStream out = s.getOutputStream();
                for (int i = 0; i < 3; i++) {
                    out.write(stamped(i));
                }
                out.write(stamped(3), 0, 100);
            }
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (r.streamsEnded() == 0 && System.nanoTime() - deadline < 0) {
                Thread.sleep(20);
            }
            assertEquals(1, r.streamsEnded(), "the stream's end seen within 10 s");
            Totals t = r.totals();
            assertEquals(new Totals(4, 3L * PAYLOAD + 100, 0, 1, 2, "record 3: the stream ended 100 bytes into it"), t);
        }
    }
}

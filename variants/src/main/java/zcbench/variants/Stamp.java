package zcbench.variants;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * The contents of every packet, so that a receiver can check integrity: a 16-byte header
 * (magic, payload length, sequence number) written per packet, and a body pattern written once
 * per buffer. Re-stamping a buffer the kernel still reads from shows up at the receiver as a
 * wrong sequence number.
 */
public final class Stamp {
    public static final int HEADER_BYTES = 16;
    public static final int MAGIC = 0x5A434231; // "ZCB1"
    private static final ValueLayout.OfInt INT = ValueLayout.JAVA_INT_UNALIGNED;
    private static final ValueLayout.OfLong LONG = ValueLayout.JAVA_LONG_UNALIGNED;

    /** The body pattern of the largest packet, which every packet's body is the start of. */
    private static final MemorySegment BODY = body(1 << 16);

    private Stamp() {
    }

    private static MemorySegment body(int size) {
        MemorySegment b = Arena.global().allocate(size);
        for (int i = HEADER_BYTES; i < size; i++) {
            b.set(ValueLayout.JAVA_BYTE, i, bodyByte(i));
        }
        return b;
    }

    /** Writes the header (without a sequence number yet) and the body pattern. */
    public static void prepare(MemorySegment buf, int payload) {
        buf.set(INT, 0, MAGIC);
        buf.set(INT, 4, payload);
        for (int i = HEADER_BYTES; i < payload; i++) {
            buf.set(ValueLayout.JAVA_BYTE, i, bodyByte(i));
        }
    }

    /** The payload length a stamp's header claims, for a receiver that learns it from the first record. */
    public static int payloadOf(MemorySegment header) {
        return header.get(INT, 4);
    }

    public static void sequence(MemorySegment buf, long seq) {
        buf.set(LONG, 8, seq);
    }

    private static byte bodyByte(int i) {
        return (byte) (i * 131 + 17);
    }

    /**
     * Checks a received packet and returns its sequence number.
     *
     * @throws IllegalStateException naming what is wrong
     */
    public static long verify(MemorySegment packet, int length, int expectedPayload) {
        if (length != expectedPayload) {
            throw new IllegalStateException("packet of " + length + " bytes, expected " + expectedPayload);
        }
        if (packet.get(INT, 0) != MAGIC || packet.get(INT, 4) != expectedPayload) {
            throw new IllegalStateException("packet header is not a zcbench stamp");
        }
        // One comparison with the pattern, not a loop over bytes: a receiver checks every packet it reads.
        long differs = MemorySegment.mismatch(packet, HEADER_BYTES, length, BODY, HEADER_BYTES, length);
        if (differs >= 0) {
            throw new IllegalStateException("packet body differs at byte " + (HEADER_BYTES + differs));
        }
        return packet.get(LONG, 8);
    }
}

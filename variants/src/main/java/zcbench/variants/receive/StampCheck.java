package zcbench.variants.receive;

import java.lang.foreign.MemorySegment;

import zcbench.variants.Stamp;

/**
 * The checks of one stream of records (a UDP socket, or one TCP connection): each record's stamp, and
 * whether its sequence number goes up. Written by the receiving thread, read by any.
 */
final class StampCheck {
    /** The payload every record must have; 0 when each stamp's header says it. */
    private final int payload;
    private long packets;
    private long bytes;
    private long outOfOrder;
    private long badStamps;
    private long highest = -1;
    /** Whether a number other than 0 was seen: a sender with verify=false sends 0 again and again. */
    private boolean sequenced;
    private String firstProblem = "";

    StampCheck(int payload) {
        this.payload = payload;
    }

    synchronized void record(MemorySegment record, int length) {
        packets++;
        bytes += length;
        long seq;
        try {
            seq = Stamp.verify(record, length, payload > 0 ? payload : Stamp.payloadOf(record));
        } catch (IllegalStateException e) {
            badStamps++;
            if (firstProblem.isEmpty()) {
                firstProblem = "record " + (packets - 1) + ": " + e.getMessage();
            }
            return;
        }
        sequenced |= seq != 0;
        if (sequenced && seq <= highest) {
            outOfOrder++;
        }
        highest = Math.max(highest, seq);
    }

    synchronized Totals totals() {
        return new Totals(packets, bytes, outOfOrder, badStamps, highest, firstProblem);
    }
}

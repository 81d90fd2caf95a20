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
    /** Records numbered 0 before the first other number: all but one are repeats once one comes. */
    private long zeros;
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
            bad(e.getMessage());
            return;
        }
        if (!sequenced) {
            if (seq == 0) {
                zeros++;
            } else {
                sequenced = true;
                // 0, 0, 1: the stream numbers its records after all, and the second 0 was a repeat.
                outOfOrder += Math.max(0, zeros - 1);
            }
        }
        if (sequenced && seq <= highest) {
            outOfOrder++;
        }
        highest = Math.max(highest, seq);
    }

    /** The part of a record that a TCP stream ended inside: a record, and a bad one. */
    synchronized void truncated(int length) {
        packets++;
        bytes += length;
        bad("the stream ended " + length + " bytes into it");
    }

    private void bad(String problem) {
        badStamps++;
        if (firstProblem.isEmpty()) {
            firstProblem = "record " + (packets - 1) + ": " + problem;
        }
    }

    synchronized Totals totals() {
        return new Totals(packets, bytes, outOfOrder, badStamps, highest, firstProblem);
    }
}

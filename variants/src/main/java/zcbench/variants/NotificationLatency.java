package zcbench.variants;

import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.concurrent.TimeUnit;

import org.HdrHistogram.Histogram;

/**
 * Knob latency: the time from a zero-copy send's completion (its send CQE reaped, or sendmsg's return) to
 * its notification being seen, per send, in an HdrHistogram of nanoseconds. Send times sit in an array
 * indexed by request id, as {@link RequestTable.Recycled} keeps its slots, so that a packet allocates
 * nothing; the histogram's range is fixed at construction for the same reason.
 *
 * <p>Send times are taken always; a notification is recorded only while {@link #recording} is on (the
 * benchmark's measured iterations), so a warm-up send whose notification arrives in the first measured
 * iteration is counted there.
 */
public final class NotificationLatency {
    /** Longest time recorded exactly; past it a value is clamped (a notification later than this is a stall). */
    private static final long HIGHEST_NANOS = TimeUnit.SECONDS.toNanos(60);
    private static final int SIGNIFICANT_DIGITS = 3;
    /** A slot holding no send time. */
    private static final long NONE = Long.MIN_VALUE;

    private final long[] sentAt;
    private final int mask;
    private final Histogram histogram = new Histogram(1, HIGHEST_NANOS, SIGNIFICANT_DIGITS);
    private boolean recording;

    /**
     * For ids of which at most {@code maxInFlight} await their notification at once; the table holds four
     * times that, so an id seen late still finds its time, and {@link #sent} refuses one that would not.
     */
    public NotificationLatency(int maxInFlight) {
        int capacity = Integer.highestOneBit(Math.max(4, maxInFlight * 4 - 1)) << 1;
        sentAt = new long[capacity];
        java.util.Arrays.fill(sentAt, NONE);
        mask = capacity - 1;
    }

    /** Whether notifications seen from now on are recorded. */
    public void recording(boolean on) {
        recording = on;
    }

    /**
     * Send {@code id} completed at {@code nanoTime}. Its slot must be free: ids in flight need not be
     * recycled ({@code ubuf_cache=off} numbers every request anew), so a send whose notification is still
     * awaited a table's length of ids later would otherwise have its time overwritten, and the slowest
     * notification, the one the maximum is for, would be recorded as a fast one.
     */
    public void sent(int id, long nanoTime) {
        int at = id & mask;
        if (sentAt[at] != NONE) {
            throw new IllegalStateException("latency: send " + Integer.toUnsignedString(id) + " would take the"
                    + " slot of a send " + sentAt.length + " ids earlier whose notification has not come; a"
                    + " notification that late cannot be timed here");
        }
        sentAt[at] = nanoTime;
    }

    /** The notification of send {@code id} was seen at {@code nanoTime}. */
    public void notified(int id, long nanoTime) {
        int at = id & mask;
        long sent = sentAt[at];
        sentAt[at] = NONE;
        if (recording && sent != NONE) {
            histogram.recordValue(Math.min(HIGHEST_NANOS, Math.max(0, nanoTime - sent)));
        }
    }

    /** The histogram so far; read it on the sending thread, or after the sender stopped. */
    public Histogram histogram() {
        return histogram;
    }

    /** The histogram in HdrHistogram's compressed form, Base64: one line, as {@code latency/} keeps it. */
    public String encoded() {
        ByteBuffer buffer = ByteBuffer.allocate(histogram.getNeededByteBufferCapacity());
        int length = histogram.encodeIntoCompressedByteBuffer(buffer);
        return Base64.getEncoder().encodeToString(java.util.Arrays.copyOf(buffer.array(), length));
    }
}

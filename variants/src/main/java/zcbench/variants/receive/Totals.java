package zcbench.variants.receive;

/**
 * What a receiver counted.
 *
 * @param packets      records received: datagrams, or payload-sized records of a TCP stream and the part of
 *                     one that its end cut short
 * @param bytes        payload bytes received
 * @param outOfOrder   records whose sequence number is not above every number seen before on their stream
 *                     (reordered or repeated, a repeated 0 at the start too); none on a stream of unchanging
 *                     buffers (verify=false), whose numbers are all 0
 * @param badStamps    records that are not an intact zcbench stamp (Stamp), a TCP stream's cut-short one too
 * @param highest      the highest sequence number seen, -1 before any
 * @param firstProblem what was wrong with the first bad record, empty while none was
 */
public record Totals(long packets, long bytes, long outOfOrder, long badStamps, long highest, String firstProblem) {
    public static final Totals NONE = new Totals(0, 0, 0, 0, -1, "");

    /** Two streams' counts together, as one receiver reports them. */
    public Totals plus(Totals other) {
        return new Totals(packets + other.packets, bytes + other.bytes, outOfOrder + other.outOfOrder,
                badStamps + other.badStamps, Math.max(highest, other.highest),
                firstProblem.isEmpty() ? other.firstProblem : firstProblem);
    }

    /** "packets 10, bytes 654350, out-of-order 0, bad stamps 0", the summary's line. */
    public String summary() {
        return "packets " + packets + ", bytes " + bytes + ", out-of-order " + outOfOrder + ", bad stamps " + badStamps
                + (firstProblem.isEmpty() ? "" : " (first: " + firstProblem + ")");
    }
}

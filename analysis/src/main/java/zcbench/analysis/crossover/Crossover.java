package zcbench.analysis.crossover;

import java.util.List;
import zcbench.analysis.stats.Interval;
import zcbench.analysis.table.Num;

/**
 * The payload from which a zero-copy path beats its copying counterpart in one sweep (docs/PLANS.md, "From which
 * payload zero-copy pays").
 *
 * @param points the payloads measured, smallest first
 * @param payload the estimate in bytes; -Infinity when the zero-copy path is ahead at every payload (it pays
 *     from the smallest measured or below), +Infinity when it is ahead at none
 * @param interval its 99.9% interval in bytes, an end infinite where it reaches beyond the payloads measured;
 *     {@link Interval#NONE} when a row has fewer forks than an interval needs
 * @param crossings how often the ratio crosses 1 between neighbouring payloads
 */
public record Crossover(String zeroCopy, String copying, String target, List<CrossoverPoint> points, double payload,
        Interval interval, int crossings) {

    /** How the ratio of MB/s behaves over the sweep; its name, in lower case, is crossover.csv's word. */
    public enum Kind {
        /** Below 1 at small payloads and above at large ones: {@link #payload} is where it crosses. */
        CROSSES,
        /** Above 1 at every payload, or falling below only after the smallest. */
        FROM_SMALLEST,
        /** Above 1 at no payload measured. */
        NOT_WITHIN
    }

    public Crossover {
        points = List.copyOf(points);
    }

    public Kind kind() {
        return payload == Double.NEGATIVE_INFINITY ? Kind.FROM_SMALLEST
                : payload == Double.POSITIVE_INFINITY ? Kind.NOT_WITHIN : Kind.CROSSES;
    }

    public int smallest() {
        return points.getFirst().payload();
    }

    public int largest() {
        return points.getLast().payload();
    }

    public boolean hasInterval() {
        return !Double.isNaN(interval.low());
    }

    /** E.g. "msg_zerocopy from 1890 [1500, 2410] bytes over copy", for the headline and the terminal. */
    public String phrase() {
        StringBuilder s = new StringBuilder(zeroCopy).append(switch (kind()) {
            case CROSSES -> " from " + Num.fixed(payload, 0) + bounds() + " bytes";
            case FROM_SMALLEST -> " from " + smallest() + " bytes or below" + bounds();
            case NOT_WITHIN -> " not within " + smallest() + " to " + largest() + " bytes" + bounds();
        }).append(" over ").append(copying);
        if (crossings > 1) {
            s.append(" (the ratio crosses 1 ").append(crossings).append(" times; the last crossing from below is "
                    + "taken)");
        }
        if (hasInterval() && interval.low() == Double.NEGATIVE_INFINITY
                && interval.high() == Double.POSITIVE_INFINITY) {
            s.append(" (unbounded: the interval spans every payload measured)");
        }
        if (points.stream().anyMatch(CrossoverPoint::copied)) {
            s.append(" (COPIED: the kernel copied some of ").append(zeroCopy).append("'s sends)");
        }
        return s.toString();
    }

    /** " [1500, 2410]", " [≤256, 2410]", " [1500, >65435]"; empty without an interval or when it says nothing. */
    private String bounds() {
        if (!hasInterval() || kind() != Kind.CROSSES && interval.low() == interval.high()) {
            return "";
        }
        String low = interval.low() == Double.NEGATIVE_INFINITY ? "≤" + smallest() : Num.fixed(interval.low(), 0);
        String high = interval.high() == Double.POSITIVE_INFINITY ? ">" + largest() : Num.fixed(interval.high(), 0);
        return " [" + low + ", " + high + "]";
    }
}

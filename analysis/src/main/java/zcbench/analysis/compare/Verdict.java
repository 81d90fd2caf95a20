package zcbench.analysis.compare;

/** What B's MB/s is next to A's for one row. */
public enum Verdict {
    FASTER("faster"),
    SLOWER("slower"),
    /** The two 99.9% intervals overlap (or the two scores are the same). */
    NO_DIFFERENCE("no difference"),
    /** A row lacks an interval (JMH writes none with too few samples). */
    UNKNOWN("unknown: no interval"),
    ONLY_A("only in A"),
    ONLY_B("only in B");

    private final String text;

    Verdict(String text) {
        this.text = text;
    }

    public String text() {
        return text;
    }
}

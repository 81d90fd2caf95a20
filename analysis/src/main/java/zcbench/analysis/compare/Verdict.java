package zcbench.analysis.compare;

/** What B's MB/s is next to A's for one row. */
public enum Verdict {
    /** The 99.9% interval of B/A lies above 1. */
    FASTER("faster"),
    /** The 99.9% interval of B/A lies below 1. */
    SLOWER("slower"),
    /** The 99.9% interval of B/A holds 1 (or the two scores are the same). */
    NO_DIFFERENCE("no difference"),
    /** A row lacks an interval (JMH writes none with too few samples). */
    UNKNOWN("unknown: no interval"),
    /** A row was measured in one fork: its interval says nothing about another run. */
    ONE_FORK("unknown: one fork"),
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

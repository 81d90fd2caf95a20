package zcbench.harness.run;

/** A run that does not start, or stops, because another run holds the machine; the message is one sentence. */
public final class Busy extends Exception {
    public Busy(String message) {
        super(message);
    }
}

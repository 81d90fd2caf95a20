package zcbench.harness.cli;

/** How a zcbench command ends, as {@code run --help} lists it. */
final class ExitStatus {
    /** Every row measured, or nothing to do. */
    static final int DONE = 0;
    /** A row failed (failures.txt says why), or a command failed while running. */
    static final int FAILED = 1;
    /** Bad input: the message says what was wrong; nothing ran. */
    static final int USAGE = 2;
    /** Another run holds the machine, and this one did not wait for it (or not long enough). */
    static final int BUSY = 3;

    private ExitStatus() {
    }
}

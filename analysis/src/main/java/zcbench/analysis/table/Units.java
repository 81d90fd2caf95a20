package zcbench.analysis.table;

/**
 * The project's two derived figures, defined once: the harness's progress lines and every table
 * compute them here.
 */
public final class Units {
    /** 2^20: MB means MiB, as in the RFC's tools. */
    public static final double MIB = 1048576;

    private Units() {
    }

    /** MiB per benchmark operation, which hands {@code batch} packets of {@code payload} bytes to the kernel. */
    public static double mibPerOperation(int batch, int payload) {
        return (double) batch * payload / MIB;
    }

    /** Share of notified zero-copy sends the kernel copied; NaN when there were no notifications. */
    public static double copiedPercent(double copied, double notifications) {
        return notifications > 0 ? 100 * copied / notifications : Double.NaN;
    }
}

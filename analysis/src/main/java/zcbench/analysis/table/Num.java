package zcbench.analysis.table;

import java.util.Locale;

/** Number formatting shared by every output: fixed decimals, '.' as separator, empty for a missing value. */
public final class Num {
    private Num() {
    }

    public static String fixed(double value, int decimals) {
        return Double.isFinite(value) ? String.format(Locale.ROOT, "%." + decimals + "f", value) : "";
    }

    /** Like {@link #fixed} but "-" for a missing value, for tables meant to be read. */
    public static String shown(double value, int decimals) {
        return Double.isFinite(value) ? fixed(value, decimals) : "-";
    }
}

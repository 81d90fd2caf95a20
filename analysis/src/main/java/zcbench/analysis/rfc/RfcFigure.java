package zcbench.analysis.rfc;

/**
 * One figure of the RFC's tables and the rows it maps onto.
 *
 * @param batch the batch it maps onto, 0 for any (the RFC's syscall tests sent once per loop)
 * @param flush "true" or "false", or empty for any
 * @param mbS MB/s (MiB/s), converted from kreqS where the RFC gave requests/s
 * @param kreqS the RFC's thousand requests/s, NaN where it gave MB/s
 */
public record RfcFigure(String variant, int payload, int batch, String flush, double mbS, double kreqS) {

    public boolean converted() {
        return !Double.isNaN(kreqS);
    }
}

package zcbench.analysis.rfc;

/**
 * One figure of the v5 letter's dummy-device table and the column it stands in.
 *
 * @param sendsPerSecond UDP requests per second, as the letter printed it
 * @param percent the letter's own percentage against non-zc, rounded as it printed it; NaN for non-zc
 */
public record V5Figure(int payload, V5Figures.Column column, double sendsPerSecond, double percent) {
}

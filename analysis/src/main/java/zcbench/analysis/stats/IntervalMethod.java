package zcbench.analysis.stats;

/**
 * How a ratio's interval was made, as every output names it (the CSVs' {@code interval_method}, the notes of the
 * text, Markdown and HTML).
 */
public enum IntervalMethod {
    /** Both rows measured in the same rounds: the forks of each round paired, the rounds resampled. */
    ROUNDS("rounds"),
    /** Each row's forks resampled on their own, the rows independent ({@link Bootstrap#ratio}). */
    FORKS("forks");

    private final String id;

    IntervalMethod(String id) {
        this.id = id;
    }

    /** What the text, Markdown and HTML outputs say of ratios measured in rounds; nothing when none was. */
    public static String roundsNote(long inRounds, long all, String what) {
        if (inRounds == 0) {
            return "";
        }
        return " Measured in rounds (env.json's order): " + (inRounds == all ? "every" : inRounds + " of " + all)
                + " " + what + " interval" + (inRounds == all ? " pairs" : "s pair") + " the two forks of each round,"
                + " which ran seconds apart, drawing rounds with replacement, so that the machine's drift over the"
                + " run cancels in the ratio (interval_method rounds in the CSV)"
                + (inRounds == all ? "." : "; the others resample each row's forks on their own (forks).");
    }

    /** The CSVs' word for it. */
    public String id() {
        return id;
    }
}

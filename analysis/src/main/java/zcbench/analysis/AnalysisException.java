package zcbench.analysis;

/**
 * Bad input to the analysis: its message is one sentence that says what was wrong and what to do,
 * fit to print as is. Unchecked so that callers (the harness, the commands) decide where to catch it.
 */
public final class AnalysisException extends RuntimeException {
    public AnalysisException(String message) {
        super(message);
    }
}

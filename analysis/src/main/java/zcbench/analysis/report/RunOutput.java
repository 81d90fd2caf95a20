package zcbench.analysis.report;

import java.util.Optional;
import java.util.function.Function;

/**
 * One file a run's report writes, rendered from the {@link RunAnalysis}; {@link RunOutputs#ALL} lists them in
 * the order they are written, and a new file is one class of this type and one line there
 * (docs/EXTENDING.md, "An output").
 */
public interface RunOutput {
    /** The file's name in the run folder: {@code vocabulary}'s ResultFiles declares it when another module reads it. */
    String file();

    /** The whole file, or empty when the run has nothing for it (no row pairs, no payload sweep). */
    Optional<String> render(RunAnalysis run);

    /** An output whose content one function renders. */
    record Of(String file, Function<RunAnalysis, Optional<String>> renderer) implements RunOutput {
        @Override
        public Optional<String> render(RunAnalysis run) {
            return renderer.apply(run);
        }
    }
}

package zcbench.harness.run;

import java.util.ArrayDeque;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/** What a row's failure says in one line, whichever way it is measured (row by row, or in rounds). */
final class FailureReason {
    private FailureReason() {
    }

    /**
     * The innermost message: JMH wraps the fork's exception in layers that say little ("Benchmark
     * error during the run"), the fork's own exceptions hanging off them as suppressed ones.
     */
    static String of(Throwable e) {
        String message = null;
        ArrayDeque<Throwable> todo = new ArrayDeque<>(List.of(e));
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        while (!todo.isEmpty()) {
            Throwable t = todo.poll();
            if (!seen.add(t)) {
                continue;
            }
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                message = t.getClass().getSimpleName() + ": " + t.getMessage();
            }
            if (t.getCause() != null) {
                todo.push(t.getCause());
            }
            for (Throwable s : t.getSuppressed()) {
                todo.push(s);
            }
        }
        return message == null ? e.getClass().getName() : message.lines().findFirst().orElse(message);
    }
}

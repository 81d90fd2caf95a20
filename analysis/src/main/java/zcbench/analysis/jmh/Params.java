package zcbench.analysis.jmh;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import zcbench.analysis.AnalysisException;

/**
 * The @Params of one zcbench result row. variant, payload, batch and target must be present for a
 * row to count as zcbench's; flush, ubufCache, cpu, poll and verify are empty when a run did not
 * have them (poll and verify came later: a run without them ran poll=true, verify=false loops in
 * name only, with the older blocking, stamping loops).
 */
public record Params(String variant, int payload, int batch, String flush, String ubufCache, String target,
        String cpu, String poll, String verify) {

    /** JMH's parameter names, in the order {@link #values()} lists them. */
    public static final List<String> NAMES = List.of("variant", "payload", "batch", "flush", "ubufCache", "target",
            "cpu", "poll", "verify");

    /** A row of a run from before poll and verify. */
    public Params(String variant, int payload, int batch, String flush, String ubufCache, String target, String cpu) {
        this(variant, payload, batch, flush, ubufCache, target, cpu, "", "");
    }

    public static Optional<Params> of(Map<String, String> params) {
        String variant = params.get("variant");
        String payload = params.get("payload");
        String batch = params.get("batch");
        String target = params.get("target");
        if (variant == null || payload == null || batch == null || target == null) {
            return Optional.empty();
        }
        return Optional.of(new Params(variant, positive("payload", payload), positive("batch", batch),
                params.getOrDefault("flush", ""), params.getOrDefault("ubufCache", ""), target,
                params.getOrDefault("cpu", ""), params.getOrDefault("poll", ""), params.getOrDefault("verify", "")));
    }

    public List<String> values() {
        return List.of(variant, Integer.toString(payload), Integer.toString(batch), flush, ubufCache, target, cpu,
                poll, verify);
    }

    private static int positive(String name, String value) {
        try {
            int n = Integer.parseInt(value.strip());
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new AnalysisException("A result has " + name + "=\"" + value
                + "\", not a positive whole number; the JSON was not written by zcbench's benchmark or was edited.");
    }
}

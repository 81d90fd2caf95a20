package zcbench.harness.env;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import zcbench.linux.LinuxException;
import zcbench.linux.proc.CpuTicks;
import zcbench.linux.proc.ProcFile;

/**
 * A run's env.json: the environment at its start with what the run was (plan, timing, target, arguments),
 * then what the run left behind by its end (when it finished, the steal time during it, the load).
 */
public final class RunEnvironment {
    /** Steal is kept to hundredths of a percent. */
    private static final double STEAL_SCALE = 100;

    private final Map<String, Object> fields;
    private Optional<CpuTicks> cpuAtStart = Optional.empty();

    private RunEnvironment(Map<String, Object> fields) {
        this.fields = fields;
    }

    /**
     * @param planTiming what the rows take, with the JMH options given
     * @param arguments  zcbench's own command line, as given
     */
    public static RunEnvironment capture(String plan, String planTiming, String target, List<String> arguments) {
        Map<String, Object> env = Environment.capture();
        env.put("plan", plan);
        env.put("plan_timing", planTiming);
        env.put("target", target);
        env.put("zcbench_arguments", String.join(" ", arguments.stream().map(Environment::quote).toList()));
        return new RunEnvironment(env);
    }

    /** What env.json holds so far. */
    public Map<String, Object> fields() {
        return fields;
    }

    /** From here on the steal time counts: just before the first row, once the run folder is written. */
    public void startRows() {
        cpuAtStart = machineTicks();
    }

    /** Adds the end of the run: finished_at, steal_pct_during_run where /proc/stat tells it, loadavg_at_end. */
    public Map<String, Object> finish() {
        fields.put("finished_at", OffsetDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        cpuAtStart.flatMap(start -> machineTicks().map(end -> end.minus(start).stealPercent()))
                .filter(Double::isFinite)
                .ifPresent(steal -> fields.put("steal_pct_during_run", Math.round(steal * STEAL_SCALE) / STEAL_SCALE));
        fields.put("loadavg_at_end", Environment.loadAverage());
        return fields;
    }

    /**
     * The whole machine's line of /proc/stat now, read at the start and end of a run to tell how much CPU time
     * the hypervisor gave to others (steal): a busy host shows there before it shows in the numbers. Empty
     * when /proc/stat cannot be read, which leaves the steal out of env.json rather than failing the run.
     */
    static Optional<CpuTicks> machineTicks() {
        try (ProcFile stat = CpuTicks.open()) {
            return Optional.of(CpuTicks.parse(stat.reread(), CpuTicks.MACHINE));
        } catch (LinuxException | IllegalStateException e) {
            return Optional.empty();
        }
    }
}

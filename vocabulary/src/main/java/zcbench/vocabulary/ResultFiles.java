package zcbench.vocabulary;

/** The names of what a run folder, a report and a comparison hold, for the modules that write and read them. */
public final class ResultFiles {
    /** JMH's own JSON of every finished row. */
    public static final String JMH_JSON = "jmh.json";
    /** JMH's own output of every row, appended row by row. */
    public static final String JMH_LOG = "jmh.log";
    /** The environment the run ran in. */
    public static final String ENV_JSON = "env.json";
    /** What the run was asked to do; what --rerun reads. */
    public static final String PLAN_JSON = "plan.json";
    /** The rows that failed, and why. */
    public static final String FAILURES = "failures.txt";
    /** The rows this machine cannot measure, and what each needs. */
    public static final String SKIPPED = "skipped.txt";
    /** Rows with threads above 1: each thread's MB/s per measured iteration, which jmh.json does not keep. */
    public static final String THREADS_CSV = "threads.csv";
    /** A line per fork, in the order the forks ran: its round, place in the round, time and MB/s. */
    public static final String TRIALS_CSV = "trials.csv";
    /** zcbench parity's table: zcbench / C per row, with its interval over the rounds. */
    public static final String PARITY_CSV = "parity.csv";
    public static final String SPEEDUP_CSV = "speedup.csv";
    public static final String SPEEDUP_MD = "speedup.md";
    public static final String REPORT_HTML = "report.html";
    /** For a run that sweeps payloads: from which payload each zero-copy path beats its copying counterpart. */
    public static final String CROSSOVER_CSV = "crossover.csv";
    /** Rows that differ in one knob, or only in a later variant, with B/A: only when the run has such a pair. */
    public static final String PAIRS_CSV = "pairs.csv";
    /** With --flame cpu: where each row's CPU samples went. */
    public static final String PROFILE_SUMMARY_CSV = "profile-summary.csv";
    public static final String COMPARE_CSV = "compare.csv";
    public static final String COMPARE_HTML = "compare.html";
    /** With --flame: each row's graph and collapsed stacks, named by its row key. */
    public static final String FLAME_DIR = "flame";
    /** With --jfr: each row's recording, named by its row key. */
    public static final String JFR_DIR = "jfr";
    /**
     * Rows with latency=true: each sending thread's notification-latency histogram of one fork, one file
     * each, {@code <row>.<pid>.<thread>}{@link #LATENCY_SUFFIX}; a row's histogram is their sum.
     */
    public static final String LATENCY_DIR = "latency";
    /** A histogram in {@link #LATENCY_DIR}: HdrHistogram's compressed form in Base64, one line. */
    public static final String LATENCY_SUFFIX = ".hdr";
    /** The link to the newest run folder. */
    public static final String LATEST = "latest";
    /** A row's recording in {@link #JFR_DIR}: {@code <row>.jfr}. */
    public static final String JFR_SUFFIX = ".jfr";
    /** flame-diff's frame table and differential graph per pair: {@code <name>.diff.csv}, {@code .diff.html}. */
    public static final String DIFF_CSV_SUFFIX = ".diff.csv";
    public static final String DIFF_HTML_SUFFIX = ".diff.html";

    private ResultFiles() {
    }

    /** A row's flame graph in {@link #FLAME_DIR}: {@code <row>.<mode>.html}. */
    public static String flameGraphSuffix(String mode) {
        return "." + mode + ".html";
    }

    /** A row's collapsed stacks in {@link #FLAME_DIR}: {@code <row>.<mode>.collapsed}. */
    public static String collapsedSuffix(String mode) {
        return "." + mode + ".collapsed";
    }
}

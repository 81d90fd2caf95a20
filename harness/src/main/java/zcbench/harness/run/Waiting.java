package zcbench.harness.run;

import java.time.Duration;

/** How long a run waits for the machine, and the words for it. */
public final class Waiting {
    /** How often a waiting run looks again. */
    static final Duration POLL = Duration.ofMillis(250);

    private Waiting() {
    }

    /** "1 min 5 s", "40 s". */
    public static String format(Duration d) {
        long s = Math.max(0, d.toSeconds());
        if (s >= 3600) {
            return s / 3600 + " h" + (s % 3600 / 60 == 0 ? "" : " " + s % 3600 / 60 + " min");
        }
        if (s >= 60) {
            return s / 60 + " min" + (s % 60 == 0 ? "" : " " + s % 60 + " s");
        }
        return s + " s";
    }

    /** Sleeps one poll interval, or less when the deadline is nearer; false when interrupted. */
    static boolean pause(long deadlineNanos) {
        long left = deadlineNanos - System.nanoTime();
        try {
            Thread.sleep(Duration.ofNanos(Math.max(1, Math.min(POLL.toNanos(), left))));
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}

package zcbench.profiles.cpu;

import java.util.ArrayList;
import java.util.List;

/**
 * The fork's open {@link SenderMeter}s, from which {@link CpuCostProfiler} takes each iteration's
 * windows: the benchmark threads stop their meters in their iteration teardown, and the profiler's
 * afterIteration runs on JMH's control thread once every benchmark thread has finished the iteration.
 */
public final class SenderWindows {
    private static final List<SenderMeter> METERS = new ArrayList<>();
    /** Windows of meters closed before the profiler took them: the last iteration's, whose trial teardown ran. */
    private static final List<SenderWindow> LEFT = new ArrayList<>();

    private SenderWindows() {
    }

    static synchronized void register(SenderMeter meter) {
        METERS.add(meter);
    }

    static synchronized void unregister(SenderMeter meter) {
        METERS.remove(meter);
        SenderWindow w = meter.take();
        if (w != null) {
            LEFT.add(w);
        }
    }

    /** The windows stopped since the last call, which takes them. */
    static synchronized List<SenderWindow> drain() {
        List<SenderWindow> windows = new ArrayList<>(LEFT);
        LEFT.clear();
        for (SenderMeter meter : METERS) {
            SenderWindow w = meter.take();
            if (w != null) {
                windows.add(w);
            }
        }
        return windows;
    }
}

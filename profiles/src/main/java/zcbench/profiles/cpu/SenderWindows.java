package zcbench.profiles.cpu;

import java.util.ArrayList;
import java.util.List;

/**
 * The windows the fork's senders measured in the current iteration, handed from the benchmark
 * threads, which take them in their iteration setup and teardown, to {@link CpuCostProfiler}, whose
 * afterIteration runs on JMH's control thread once every benchmark thread has finished the iteration.
 */
public final class SenderWindows {
    private static final List<SenderWindow> WINDOWS = new ArrayList<>();

    private SenderWindows() {
    }

    public static synchronized void add(SenderWindow window) {
        WINDOWS.add(window);
    }

    /** The windows added since the last call, which forgets them. */
    static synchronized List<SenderWindow> drain() {
        List<SenderWindow> all = List.copyOf(WINDOWS);
        WINDOWS.clear();
        return all;
    }
}

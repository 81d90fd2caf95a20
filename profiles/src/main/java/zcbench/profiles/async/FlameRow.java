package zcbench.profiles.async;

import zcbench.profiles.rows.TrialRow;
import zcbench.profiles.summary.CollapsedProfile;

import java.nio.file.Path;

/**
 * One row's flame graph after {@link FlameSession#finish}.
 *
 * @param name      the row's file name stem in {@code flame/}
 * @param html      the flame graph, or null when async-profiler wrote none
 * @param collapsed the collapsed stacks, or null when async-profiler wrote none
 */
public record FlameRow(TrialRow row, String name, Path html, Path collapsed, CollapsedProfile profile) {

    public long samples() {
        return profile.total();
    }

    public boolean kernelFrames() {
        return profile.hasKernelFrames();
    }
}

package zcbench.profiles.diff;

/**
 * One frame's share of two profiles' samples, in percent of each profile's own total (so profiles
 * of different lengths compare): {@code self} counts samples with the frame as leaf, {@code total}
 * samples with the frame anywhere on the stack.
 */
public record FrameDelta(String frame, double selfA, double selfB, double totalA, double totalB) {

    /** Percentage points B minus A. */
    public double selfDelta() {
        return selfB - selfA;
    }

    /** Percentage points B minus A. */
    public double totalDelta() {
        return totalB - totalA;
    }
}

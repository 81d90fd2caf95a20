package zcbench.profiles.summary;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A profile in async-profiler's collapsed format: one line per distinct stack, frames from the
 * root to the leaf separated by ';', then a space and the sample count. async-profiler marks
 * kernel frames with the suffix {@code _[k]}.
 */
public record CollapsedProfile(List<Sample> samples) {

    public record Sample(List<String> frames, long count) {
    }

    private static final String KERNEL_SUFFIX = "_[k]";
    /** async-profiler's frame-type suffix ({@code _[k]}, {@code _[j]}, {@code _[i]} ...). */
    private static final Pattern TYPE_SUFFIX = Pattern.compile("_\\[[a-z0-9]]$");
    /** GCC's clone suffixes: {@code validate_xmit_skb.isra.0}, {@code do_softirq.part.0}, {@code foo.cold}. */
    private static final Pattern CLONE_SUFFIX = Pattern.compile("\\.(isra|part|constprop|cold|llvm|lto_priv)\\b.*$");

    public CollapsedProfile {
        samples = List.copyOf(samples);
    }

    public static CollapsedProfile read(Path file) {
        try (Reader in = Files.newBufferedReader(file)) {
            return parse(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    public static CollapsedProfile parse(String text) {
        try {
            return parse(new StringReader(text));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static CollapsedProfile parse(Reader reader) throws IOException {
        List<Sample> samples = new ArrayList<>();
        BufferedReader in = new BufferedReader(reader);
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            int space = line.lastIndexOf(' ');
            if (line.isBlank() || space <= 0) {
                continue;
            }
            long count = Long.parseLong(line.substring(space + 1).trim());
            samples.add(new Sample(Arrays.asList(line.substring(0, space).split(";")), count));
        }
        return new CollapsedProfile(samples);
    }

    public long total() {
        return samples.stream().mapToLong(Sample::count).sum();
    }

    public boolean hasKernelFrames() {
        return samples.stream().anyMatch(s -> s.frames().stream().anyMatch(CollapsedProfile::isKernel));
    }

    public static boolean isKernel(String frame) {
        return frame.endsWith(KERNEL_SUFFIX);
    }

    /** The function's name: without async-profiler's type suffix and GCC's clone suffixes. */
    public static String symbol(String frame) {
        return CLONE_SUFFIX.matcher(TYPE_SUFFIX.matcher(frame).replaceFirst("")).replaceFirst("");
    }
}

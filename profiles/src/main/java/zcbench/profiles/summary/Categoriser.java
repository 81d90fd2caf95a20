package zcbench.profiles.summary;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Gives each sample's stack ONE {@link Category}: the leaf-most kernel frame that matches decides. */
public final class Categoriser {

    /** Profiles repeat the same frames many times; matching each symbol once keeps this cheap. */
    private static final Map<String, Optional<Category>> BY_SYMBOL = new ConcurrentHashMap<>();

    private Categoriser() {
    }

    /** @param frames root first, leaf last, as in a collapsed line */
    public static Category classify(List<String> frames) {
        boolean kernel = false;
        for (int i = frames.size() - 1; i >= 0; i--) {
            String frame = frames.get(i);
            if (CollapsedProfile.isKernel(frame)) {
                kernel = true;
                Optional<Category> match = BY_SYMBOL.computeIfAbsent(CollapsedProfile.symbol(frame), Categoriser::match);
                if (match.isPresent()) {
                    return match.get();
                }
            }
        }
        return kernel ? Category.KERNEL_OTHER : Category.USER;
    }

    private static Optional<Category> match(String symbol) {
        for (Category category : Category.values()) {
            if (category.matches(symbol)) {
                return Optional.of(category);
            }
        }
        return Optional.empty();
    }
}

package zcbench.linux;

/**
 * Runs clean-up steps in order, each even when an earlier one failed, and then throws the first
 * failure with the later ones suppressed. Owners of native resources close through it, so that
 * one failing step never leaks the rest.
 */
public final class Teardown {
    private RuntimeException first;

    public Teardown step(Runnable step) {
        try {
            step.run();
        } catch (RuntimeException e) {
            if (first == null) {
                first = e;
            } else {
                first.addSuppressed(e);
            }
        }
        return this;
    }

    public Teardown close(AutoCloseable resource) {
        return step(() -> {
            if (resource == null) {
                return;
            }
            try {
                resource.close();
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException("closing " + resource, e);
            }
        });
    }

    /** Throws the first failure, if any. */
    public void done() {
        if (first != null) {
            throw first;
        }
    }

    /** Adds the failures to {@code cause}, for clean-up after a failed construction. */
    public void doneAfter(Throwable cause) {
        if (first != null) {
            cause.addSuppressed(first);
        }
    }
}

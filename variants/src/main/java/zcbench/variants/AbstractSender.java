package zcbench.variants;

/**
 * What every sender holds the same way: the configuration it was opened with and the counters
 * its loop advances. Each subclass owns its socket and the rest of its resources.
 */
public abstract class AbstractSender implements Sender {
    protected final SendConfig config;
    protected final SendCounters counters = new SendCounters();

    protected AbstractSender(SendConfig config) {
        this.config = config;
    }

    @Override
    public final SendCounters counters() {
        return counters;
    }

    @Override
    public final SendConfig config() {
        return config;
    }
}

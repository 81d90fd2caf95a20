package zcbench.variants;

/**
 * What every sender holds the same way: the configuration it was opened with, the counters its
 * loop advances and the payload pool it sends from. Each subclass makes and closes the pool, and
 * owns its socket and the rest of its resources.
 */
public abstract class AbstractSender implements Sender {
    protected final SendConfig config;
    protected final SendCounters counters = new SendCounters();
    /** Set by the subclass's constructor, closed by its close(). */
    protected PayloadPool pool;

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

    @Override
    public final String payloadMemory() {
        return pool.memory();
    }
}

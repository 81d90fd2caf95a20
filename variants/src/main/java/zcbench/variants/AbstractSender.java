package zcbench.variants;

import java.util.Optional;

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
    /** With knob latency: each send's time to its notification; null without, so the loop reads no clock. */
    protected final NotificationLatency latency;

    protected AbstractSender(SendConfig config) {
        this.config = config;
        this.latency = config.latency() ? new NotificationLatency(config.maxInFlight()) : null;
    }

    @Override
    public final Optional<NotificationLatency> latency() {
        return Optional.ofNullable(latency);
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

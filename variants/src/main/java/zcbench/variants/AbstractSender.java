package zcbench.variants;

import java.lang.foreign.MemorySegment;
import java.util.Optional;

import zcbench.linux.net.Protocol;

/**
 * What every sender holds the same way: the configuration it was opened with, the counters its
 * loop advances and the payload pool it sends from. Each subclass makes and closes the pool, and
 * owns its socket and the rest of its resources.
 */
public abstract class AbstractSender implements Sender {
    protected final SendConfig config;
    protected final SendCounters counters = new SendCounters();
    /** protocol=tcp: a send may take part of a packet, and the rest goes before anything else. */
    protected final boolean stream;
    /** Set by the subclass's constructor, closed by its close(). */
    protected PayloadPool pool;
    /** With knob latency: each send's time to its notification; null without, so the loop reads no clock. */
    protected final NotificationLatency latency;

    protected AbstractSender(SendConfig config) {
        this.config = config;
        this.latency = config.latency() ? new NotificationLatency(config.maxInFlight()) : null;
        this.stream = config.protocol() == Protocol.TCP;
    }

    @Override
    public final Optional<NotificationLatency> latency() {
        return Optional.ofNullable(latency);
    }

    /**
     * What a syscall sender does with a send that returned {@code rc} for a packet {@code sent} bytes in:
     * the bytes the stream took, counting a short send (docs/ARCHITECTURE.md, "The TCP loop"); 0 when
     * the caller should look at rc as an error or a retry. A datagram is sent whole or not at all.
     */
    protected final int taken(long rc, int sent, String call) {
        int rest = config.payload() - sent;
        if (rc == rest) {
            return rest;
        }
        if (rc > 0 && rc < rest && stream) {
            counters.shortSends++;
            return (int) rc;
        }
        if (rc > 0) {
            throw new IllegalStateException(call + ": short send of " + rc + " of " + rest + " bytes");
        }
        return 0;
    }

    /** The part of a packet's buffer not yet sent, {@code sent} bytes in. */
    protected static MemorySegment rest(MemorySegment buffer, int sent) {
        return sent == 0 ? buffer : buffer.asSlice(sent);
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

package zcbench.variants;

import java.util.Optional;

/**
 * One send path over what it opened through its endpoint (a UDP or TCP socket, or a library's channel),
 * which it owns. Single-threaded: the thread that opened it sends, drains and closes it.
 */
public interface Sender extends AutoCloseable {
    /** Hands {@code batch} stamped packets to the kernel; with flush, also waits for their notifications. */
    void sendBatch();

    /** Waits until every send has its notification, so no buffer is referenced by the kernel. */
    void drain();

    SendCounters counters();

    SendConfig config();

    /** Where its payload buffers live ({@link PayloadPool#memory()}), for the row's output. */
    String payloadMemory();

    /** With knob latency, the times from its sends' completions to their notifications. */
    Optional<NotificationLatency> latency();

    /** Drains, then releases the socket, ring and buffers, each even if an earlier step failed. */
    @Override
    void close();
}

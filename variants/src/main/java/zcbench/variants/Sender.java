package zcbench.variants;

import java.util.Optional;

/**
 * One send path over what it opened through its endpoint (a UDP or TCP socket, or a library's channel), which
 * it owns. The thread that opened it sends, drains and closes it; a library's sender makes its send calls on an
 * event loop thread of its own ({@link #sendsOnCallingThread}).
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

    /**
     * Whether the thread that calls {@link #sendBatch()} is the one that makes the send calls. A library's sender
     * hands its packets to an event loop thread of its own, which is then the thread to pin and to measure
     * (docs/ARCHITECTURE.md, "The JVM rows").
     */
    default boolean sendsOnCallingThread() {
        return true;
    }

    /** Runs {@code task} on the thread that makes the send calls and returns once it has run. */
    default void onSendingThread(Runnable task) {
        task.run();
    }

    /** Drains, then releases the socket, ring and buffers, each even if an earlier step failed. */
    @Override
    void close();
}

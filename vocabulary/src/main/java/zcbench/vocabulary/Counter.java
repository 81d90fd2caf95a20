package zcbench.vocabulary;

import java.util.Arrays;
import java.util.List;

/**
 * What explains a row: the benchmark's @AuxCounters, reported by JMH as rates per second (secondary results
 * named by {@link #id()}). All but {@link #DELIVERED} are the sender's own counts.
 */
public enum Counter {
    /** Packets handed to the kernel (their send succeeded). */
    PACKETS("packets"),
    /** Payload bytes of those packets. */
    BYTES("bytes"),
    /** Zero-copy sends whose completion notification arrived. */
    NOTIFICATIONS("notifications"),
    /** Of those, sends the kernel reported as copied after all. */
    COPIED("copied"),
    /** Sends retried after ENOBUFS or EAGAIN. */
    RETRIES("retries"),
    /** io_uring_enter calls. */
    ENTERS("enters"),
    /** copy and msg_zerocopy: syscalls of the send loop (sendmsg, poll, recvmsg of the error queue). */
    SYSCALLS("syscalls"),
    /** protocol=tcp, copy and msg_zerocopy: sends that took part of a packet, its rest sent by the next. */
    SHORT_SENDS("short_sends"),
    /** Packets the sink counted (ifb RX dropped), read between iterations; 0 on targets that count none. */
    DELIVERED("delivered");

    private final String id;

    Counter(String id) {
        this.id = id;
    }

    /** The @AuxCounters field and JMH's secondary result of this name. */
    public String id() {
        return id;
    }

    /** Counted by the sender, not by the destination. */
    public boolean bySender() {
        return this != DELIVERED;
    }

    /** Every counter's id, in declaration order. */
    public static List<String> ids() {
        return Arrays.stream(values()).map(Counter::id).toList();
    }
}

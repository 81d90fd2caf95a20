package zcbench.variants;

import java.util.Arrays;
import java.util.stream.Collectors;

import zcbench.vocabulary.Counter;

/**
 * What a sender did since it was opened: the sender's {@link Counter}s; cumulative, written by the
 * sending thread only. Readers on that thread (the benchmark's iteration hooks) take differences.
 */
public final class SendCounters implements Cloneable {
    /** Packets handed to the kernel (their send succeeded). */
    public long packets;
    public long bytes;
    /** Zero-copy sends whose completion notification arrived. */
    public long notifications;
    /** Of those, sends the kernel reported as copied after all. */
    public long copied;
    /** Sends retried after ENOBUFS or EAGAIN. */
    public long retries;
    /** io_uring_enter calls. */
    public long enters;
    /** copy and msg_zerocopy: syscalls of the send loop (sendmsg, poll, recvmsg of the error queue). */
    public long syscalls;
    /** protocol=tcp, copy and msg_zerocopy: sends that took part of a packet, its rest sent by the next. */
    public long shortSends;

    /** The count of one of the sender's counters. */
    public long get(Counter counter) {
        return switch (counter) {
            case PACKETS -> packets;
            case BYTES -> bytes;
            case NOTIFICATIONS -> notifications;
            case COPIED -> copied;
            case RETRIES -> retries;
            case ENTERS -> enters;
            case SYSCALLS -> syscalls;
            case SHORT_SENDS -> shortSends;
            case DELIVERED -> throw new IllegalArgumentException(counter.id() + " is counted by the destination");
        };
    }

    public SendCounters snapshot() {
        try {
            return (SendCounters) clone();
        } catch (CloneNotSupportedException e) {
            throw new AssertionError(e); // it is Cloneable
        }
    }

    @Override
    public String toString() {
        return Arrays.stream(Counter.values()).filter(Counter::bySender).map(c -> c.id() + "=" + get(c))
                .collect(Collectors.joining(" "));
    }
}

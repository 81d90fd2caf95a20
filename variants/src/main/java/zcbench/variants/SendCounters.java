package zcbench.variants;

/**
 * What a sender did since it was opened; cumulative, written by the sending thread only. Readers
 * on that thread (the benchmark's iteration hooks) take differences.
 */
public final class SendCounters {
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

    public SendCounters snapshot() {
        SendCounters s = new SendCounters();
        s.packets = packets;
        s.bytes = bytes;
        s.notifications = notifications;
        s.copied = copied;
        s.retries = retries;
        s.enters = enters;
        s.syscalls = syscalls;
        return s;
    }

    @Override
    public String toString() {
        return "packets=" + packets + " bytes=" + bytes + " notifications=" + notifications + " copied=" + copied
                + " retries=" + retries + " enters=" + enters + " syscalls=" + syscalls;
    }
}

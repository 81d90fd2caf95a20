package zcbench.harness.bench;

import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

import zcbench.vocabulary.Knobs;

/**
 * A row's knob values, as JMH sets them: one @Param per knob of {@link Knobs}, named as the knob (KnobsTest keeps
 * the two equal), and the target. Read-only once set, so one instance serves every sending thread; {@link SendPath}
 * is handed it at its trial set-up.
 */
@State(Scope.Benchmark)
public class RowKnobs {
    /** The RFC's send paths; uring_sendmsg_zc and uring_sendmsg_zc_fixed when -p variant= names them. */
    @Param({"copy", "msg_zerocopy", "uring_send", "uring_zc", "uring_zc_fixed"})
    public String variant;

    @Param({"65435"})
    public int payload;

    /** Requests per io_uring_enter; for the syscall variants, sends per operation. */
    @Param({"8"})
    public int batch;

    /** uring_zc*: wait for every notification of a batch before its buffers are used again. */
    @Param({"false"})
    public boolean flush;

    /** on: per-request state from a recycled pool; off: allocated per request (docs/ARCHITECTURE.md). */
    @Param({"on"})
    public String ubuf_cache;

    /** copy, msg_zerocopy: MSG_DONTWAIT send + poll(POLLOUT) per packet, as the selftest (true); blocking sends (false). */
    @Param({"true"})
    public boolean poll;

    /** Every packet stamped, a buffer reused only after its notification (true); one unchanging buffer, as the C tools (false). */
    @Param({"false"})
    public boolean verify;

    /** io_uring: COOP_TASKRUN (coop, as liburing's send-zerocopy) or DEFER_TASKRUN (defer, its -d). */
    @Param({"coop"})
    public String setup;

    /** iovec entries per packet: the msghdr of uring_sendmsg_zc*, IORING_SEND_VECTORIZED for uring_zc. */
    @Param({"1"})
    public int iov;

    /** Where the payload buffers live: normal, thp (MADV_HUGEPAGE) or hugetlb (reserved pages, send-zerocopy -l). */
    @Param({"normal"})
    public String memory;

    /** UDP over IPv4 (4) or IPv6 (6, send-zerocopy -6). */
    @Param({"4"})
    public String ip;

    /** Sending threads, each with its own socket, ring and CPU (liburing's send-zerocopy -T). */
    @Param({"1"})
    public int threads;

    /** UDP datagrams (udp) or a TCP stream (tcp, send-zerocopy's argument tcp); tcp needs a listener: loopback. */
    @Param({"udp"})
    public String protocol;

    /** Zero-copy variants: each send's time from its completion to its notification, in a histogram. */
    @Param({"false"})
    public boolean latency;

    /** netty_uring over TCP: netty's IO_URING_WRITE_ZERO_COPY_THRESHOLD in bytes, or off (netty's -1). */
    @Param({"off"})
    public String zc_threshold;

    /** Where the packets go (docs/ARCHITECTURE.md, "Targets"): sink, forward, peer, loopback or a receiver's udp://. */
    @Param({Knobs.TARGET_SINK})
    public String target;

    /** CPU the sending thread is pinned to: "last", a number, or -1 for unpinned. */
    @Param({"last"})
    public String cpu;
}

package zcbench.linux.uring;

import static java.lang.foreign.MemoryLayout.sequenceLayout;
import static java.lang.foreign.MemoryLayout.structLayout;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static java.lang.foreign.ValueLayout.JAVA_SHORT;

import java.lang.foreign.StructLayout;

/** The io_uring structs, each declared once with the field names of io_uring.h. */
public final class UringStructs {
    public static final StructLayout IO_SQRING_OFFSETS = structLayout(
            JAVA_INT.withName("head"),
            JAVA_INT.withName("tail"),
            JAVA_INT.withName("ring_mask"),
            JAVA_INT.withName("ring_entries"),
            JAVA_INT.withName("flags"),
            JAVA_INT.withName("dropped"),
            JAVA_INT.withName("array"),
            JAVA_INT.withName("resv1"),
            JAVA_LONG.withName("user_addr"));

    public static final StructLayout IO_CQRING_OFFSETS = structLayout(
            JAVA_INT.withName("head"),
            JAVA_INT.withName("tail"),
            JAVA_INT.withName("ring_mask"),
            JAVA_INT.withName("ring_entries"),
            JAVA_INT.withName("overflow"),
            JAVA_INT.withName("cqes"),
            JAVA_INT.withName("flags"),
            JAVA_INT.withName("resv1"),
            JAVA_LONG.withName("user_addr"));

    public static final StructLayout IO_URING_PARAMS = structLayout(
            JAVA_INT.withName("sq_entries"),
            JAVA_INT.withName("cq_entries"),
            JAVA_INT.withName("flags"),
            JAVA_INT.withName("sq_thread_cpu"),
            JAVA_INT.withName("sq_thread_idle"),
            JAVA_INT.withName("features"),
            JAVA_INT.withName("wq_fd"),
            sequenceLayout(3, JAVA_INT).withName("resv"),
            IO_SQRING_OFFSETS.withName("sq_off"),
            IO_CQRING_OFFSETS.withName("cq_off"));

    /** {@code struct io_uring_sqe}, with the union members the project writes. */
    public static final StructLayout IO_URING_SQE = structLayout(
            JAVA_BYTE.withName("opcode"),
            JAVA_BYTE.withName("flags"),
            JAVA_SHORT.withName("ioprio"),
            JAVA_INT.withName("fd"),
            JAVA_LONG.withName("off"),          // union: off, addr2 (send: dest sockaddr)
            JAVA_LONG.withName("addr"),         // union: addr, splice_off_in
            JAVA_INT.withName("len"),
            JAVA_INT.withName("msg_flags"),     // union: rw_flags, msg_flags, ...
            JAVA_LONG.withName("user_data"),
            JAVA_SHORT.withName("buf_index"),   // union: buf_index, buf_group
            JAVA_SHORT.withName("personality"),
            JAVA_INT.withName("file_index"),    // union: splice_fd_in, file_index, addr_len
            JAVA_LONG.withName("addr3"),
            sequenceLayout(1, JAVA_LONG).withName("__pad2"));

    /** {@code struct io_uring_cqe} without CQE32. */
    public static final StructLayout IO_URING_CQE = structLayout(
            JAVA_LONG.withName("user_data"),
            JAVA_INT.withName("res"),
            JAVA_INT.withName("flags"));

    /** {@code struct io_uring_probe}; its ops[] follow the header. */
    public static final StructLayout IO_URING_PROBE = structLayout(
            JAVA_BYTE.withName("last_op"),
            JAVA_BYTE.withName("ops_len"),
            JAVA_SHORT.withName("resv"),
            sequenceLayout(3, JAVA_INT).withName("resv2"));

    public static final StructLayout IO_URING_PROBE_OP = structLayout(
            JAVA_BYTE.withName("op"),
            JAVA_BYTE.withName("resv"),
            JAVA_SHORT.withName("flags"),
            JAVA_INT.withName("resv2"));

    /** {@code struct io_uring_rsrc_update}, used to register the ring fd. */
    public static final StructLayout IO_URING_RSRC_UPDATE = structLayout(
            JAVA_INT.withName("offset"),
            JAVA_INT.withName("resv"),
            JAVA_LONG.withName("data"));

    /** {@code struct io_uring_getevents_arg}, passed to io_uring_enter with IORING_ENTER_EXT_ARG. */
    public static final StructLayout IO_URING_GETEVENTS_ARG = structLayout(
            JAVA_LONG.withName("sigmask"),
            JAVA_INT.withName("sigmask_sz"),
            JAVA_INT.withName("min_wait_usec"),
            JAVA_LONG.withName("ts"));

    /** {@code struct __kernel_timespec}. */
    public static final StructLayout KERNEL_TIMESPEC = structLayout(
            JAVA_LONG.withName("tv_sec"),
            JAVA_LONG.withName("tv_nsec"));

    private UringStructs() {
    }
}

package zcbench.linux.uring;

/** io_uring constants, named and valued as in include/uapi/linux/io_uring.h. */
public final class IoUringConstants {
    // io_uring_setup flags
    public static final int IORING_SETUP_CQSIZE = 1 << 3;
    public static final int IORING_SETUP_COOP_TASKRUN = 1 << 8;
    public static final int IORING_SETUP_SINGLE_ISSUER = 1 << 12;
    public static final int IORING_SETUP_DEFER_TASKRUN = 1 << 13;

    // io_uring_params.features
    public static final int IORING_FEAT_SINGLE_MMAP = 1 << 0;
    public static final int IORING_FEAT_NODROP = 1 << 1;
    public static final int IORING_FEAT_EXT_ARG = 1 << 8;

    // opcodes
    public static final int IORING_OP_NOP = 0;
    public static final int IORING_OP_SENDMSG = 9;
    public static final int IORING_OP_SEND = 26;
    public static final int IORING_OP_RECV = 27;
    public static final int IORING_OP_SEND_ZC = 47;
    public static final int IORING_OP_SENDMSG_ZC = 48;

    // sqe->flags
    public static final int IOSQE_FIXED_FILE = 1 << 0;
    /** The next SQE starts only after this one completed; a failed one cancels the rest of the chain. */
    public static final int IOSQE_IO_LINK = 1 << 2;

    // sqe->ioprio for send/recv
    public static final int IORING_RECVSEND_FIXED_BUF = 1 << 2;
    public static final int IORING_SEND_ZC_REPORT_USAGE = 1 << 3;
    /** SEND[_ZC] takes an iovec array: addr points to it, len counts its entries (Linux 6.17+). */
    public static final int IORING_SEND_VECTORIZED = 1 << 5;
    /** In a SEND_ZC notification's res (with REPORT_USAGE): the kernel copied the data. */
    public static final int IORING_NOTIF_USAGE_ZC_COPIED = 1 << 31;

    // cqe->flags
    public static final int IORING_CQE_F_MORE = 1 << 1;
    public static final int IORING_CQE_F_NOTIF = 1 << 3;

    // io_uring_enter flags
    public static final int IORING_ENTER_GETEVENTS = 1 << 0;
    public static final int IORING_ENTER_EXT_ARG = 1 << 3;
    public static final int IORING_ENTER_REGISTERED_RING = 1 << 4;

    // sq_ring->flags
    public static final int IORING_SQ_CQ_OVERFLOW = 1 << 1;

    // io_uring_register opcodes
    public static final int IORING_REGISTER_BUFFERS = 0;
    public static final int IORING_UNREGISTER_BUFFERS = 1;
    public static final int IORING_REGISTER_FILES = 2;
    public static final int IORING_UNREGISTER_FILES = 3;
    public static final int IORING_REGISTER_PROBE = 8;
    public static final int IORING_REGISTER_RING_FDS = 20;
    public static final int IORING_UNREGISTER_RING_FDS = 21;

    /** io_uring_probe_op.flags: the opcode is supported. */
    public static final int IO_URING_OP_SUPPORTED = 1 << 0;

    // mmap offsets
    public static final long IORING_OFF_SQ_RING = 0L;
    public static final long IORING_OFF_CQ_RING = 0x8000000L;
    public static final long IORING_OFF_SQES = 0x10000000L;

    private IoUringConstants() {
    }

    /** Opcode names for messages and the environment report. */
    public static String opName(int op) {
        return switch (op) {
            case IORING_OP_NOP -> "NOP";
            case IORING_OP_SENDMSG -> "SENDMSG";
            case IORING_OP_SEND -> "SEND";
            case IORING_OP_RECV -> "RECV";
            case IORING_OP_SEND_ZC -> "SEND_ZC";
            case IORING_OP_SENDMSG_ZC -> "SENDMSG_ZC";
            default -> "op" + op;
        };
    }
}

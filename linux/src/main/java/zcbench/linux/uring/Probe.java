package zcbench.linux.uring;

import static zcbench.linux.net.Structs.offset;
import static zcbench.linux.uring.IoUringConstants.IORING_REGISTER_PROBE;
import static zcbench.linux.uring.UringStructs.IO_URING_PROBE;
import static zcbench.linux.uring.UringStructs.IO_URING_PROBE_OP;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.BitSet;
import java.util.List;

/** The opcodes a kernel supports, as IORING_REGISTER_PROBE reports them. */
public record Probe(int lastOp, BitSet supported) {
    /** Room for every opcode a one-byte op field can name. */
    private static final int SLOTS = 256;

    public Probe {
        supported = (BitSet) supported.clone();
    }

    /** IORING_REGISTER_PROBE on the ring. */
    static Probe read(RingFd ringFd) {
        try (Arena scratch = Arena.ofConfined()) {
            MemorySegment probe = scratch.allocate(IO_URING_PROBE.byteSize() + SLOTS * IO_URING_PROBE_OP.byteSize(), 8);
            ringFd.register("io_uring_register(IORING_REGISTER_PROBE)", IORING_REGISTER_PROBE, probe, SLOTS);
            int lastOp = Byte.toUnsignedInt(probe.get(ValueLayout.JAVA_BYTE, offset(IO_URING_PROBE, "last_op")));
            int opsLen = Byte.toUnsignedInt(probe.get(ValueLayout.JAVA_BYTE, offset(IO_URING_PROBE, "ops_len")));
            BitSet supported = new BitSet();
            for (int i = 0; i < opsLen; i++) {
                long at = IO_URING_PROBE.byteSize() + i * IO_URING_PROBE_OP.byteSize();
                int op = Byte.toUnsignedInt(probe.get(ValueLayout.JAVA_BYTE, at + offset(IO_URING_PROBE_OP, "op")));
                short flags = probe.get(ValueLayout.JAVA_SHORT, at + offset(IO_URING_PROBE_OP, "flags"));
                if ((flags & IoUringConstants.IO_URING_OP_SUPPORTED) != 0) {
                    supported.set(op);
                }
            }
            return new Probe(lastOp, supported);
        }
    }

    public boolean supports(int opcode) {
        return supported.get(opcode);
    }

    /** Names of the supported opcodes this project cares about, for reports. */
    public List<String> relevantOps() {
        return java.util.stream.IntStream.of(IoUringConstants.IORING_OP_NOP, IoUringConstants.IORING_OP_SENDMSG,
                        IoUringConstants.IORING_OP_SEND, IoUringConstants.IORING_OP_RECV,
                        IoUringConstants.IORING_OP_SEND_ZC, IoUringConstants.IORING_OP_SENDMSG_ZC)
                .filter(this::supports).mapToObj(IoUringConstants::opName).toList();
    }
}

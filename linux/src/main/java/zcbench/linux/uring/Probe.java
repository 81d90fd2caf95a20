package zcbench.linux.uring;

import java.util.BitSet;
import java.util.List;

/** The opcodes a kernel supports, as IORING_REGISTER_PROBE reports them. */
public record Probe(int lastOp, BitSet supported) {
    public Probe {
        supported = (BitSet) supported.clone();
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

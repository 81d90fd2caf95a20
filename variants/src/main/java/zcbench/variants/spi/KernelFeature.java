package zcbench.variants.spi;

/**
 * What a kernel may lack, each with the sentence a skipped row gives; {@code Requirements} asks the machine
 * whether it offers one.
 */
public enum KernelFeature {
    DEFER_TASKRUN("needs Linux 6.1+ (IORING_SETUP_DEFER_TASKRUN)"),
    SENDMSG_ZC("needs Linux 6.1+ (IORING_OP_SENDMSG_ZC)"),
    SENDMSG_ZC_FIXED_BUF("needs Linux 6.15+ (IORING_RECVSEND_FIXED_BUF on SENDMSG_ZC)"),
    SEND_VECTORIZED("needs Linux 6.17+ (IORING_SEND_VECTORIZED)");

    private final String sentence;

    KernelFeature(String sentence) {
        this.sentence = sentence;
    }

    /** "needs Linux 6.1+ (IORING_SETUP_DEFER_TASKRUN)": what a skipped row says. */
    public String sentence() {
        return sentence;
    }
}

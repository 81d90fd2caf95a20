package zcbench.variants.spi;

import java.util.function.Predicate;

import zcbench.variants.Requirements;

/** What a kernel may lack, each with the sentence a skipped row gives and the machine's answer to it. */
public enum KernelFeature {
    DEFER_TASKRUN("needs Linux 6.1+ (IORING_SETUP_DEFER_TASKRUN)", Requirements.Machine::deferTaskrun),
    SENDMSG_ZC("needs Linux 6.1+ (IORING_OP_SENDMSG_ZC)", Requirements.Machine::sendmsgZc),
    SENDMSG_ZC_FIXED_BUF("needs Linux 6.15+ (IORING_RECVSEND_FIXED_BUF on SENDMSG_ZC)",
            Requirements.Machine::sendmsgZcFixedBuf),
    SEND_VECTORIZED("needs Linux 6.17+ (IORING_SEND_VECTORIZED)", Requirements.Machine::sendVectorized);

    private final String sentence;
    private final Predicate<Requirements.Machine> offered;

    KernelFeature(String sentence, Predicate<Requirements.Machine> offered) {
        this.sentence = sentence;
        this.offered = offered;
    }

    /** "needs Linux 6.1+ (IORING_SETUP_DEFER_TASKRUN)": what a skipped row says. */
    public String sentence() {
        return sentence;
    }

    public boolean offeredBy(Requirements.Machine machine) {
        return offered.test(machine);
    }
}

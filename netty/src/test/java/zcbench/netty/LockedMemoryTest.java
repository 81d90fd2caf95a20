package zcbench.netty;

import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** netty's io_uring transport failing to make its ring with ENOMEM says which limit to raise. */
class LockedMemoryTest {
    @Test
    void anEnomemOfTheRingSaysToRaiseTheLockedMemoryLimit() {
        RuntimeException netty = new IllegalStateException("failed to create io_uring ring fd",
                new RuntimeException("io_uring_setup(...) failed: Cannot allocate memory"));
        RuntimeException said = LockedMemory.explain(netty, NettyTransport.IO_URING);
        assertTrue(said.getMessage().startsWith("netty's io_uring transport could not make its ring (ENOMEM): raise the"
                + " locked-memory limit of the shell that runs zcbench, e.g. ulimit -l unlimited (now: Max locked"
                + " memory"), said.getMessage());
        assertSame(netty, said.getCause());
    }

    @Test
    void otherFailuresAndEpollStayAsTheyAre() {
        RuntimeException refused = new IllegalStateException("connect(..) failed: Connection refused");
        assertSame(refused, LockedMemory.explain(refused, NettyTransport.IO_URING));
        RuntimeException enomem = new IllegalStateException("epoll_create failed: Cannot allocate memory");
        assertSame(enomem, LockedMemory.explain(enomem, NettyTransport.EPOLL));
    }
}

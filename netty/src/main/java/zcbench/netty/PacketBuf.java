package zcbench.netty;

import java.nio.ByteBuffer;
import java.util.Queue;

import io.netty.buffer.UnpooledByteBufAllocator;
import io.netty.buffer.UnpooledDirectByteBuf;

/**
 * One packet's ByteBuf over a pool buffer, which it never frees: its slot goes back to {@code released} when netty
 * releases it. The write's future is not that moment: netty's io_uring transport completes a zero-copy write's
 * future at the send's completion, before the kernel's notification, and releases the buffer only after it
 * (docs/ARCHITECTURE.md, "The JVM rows").
 */
final class PacketBuf extends UnpooledDirectByteBuf {
    private final int slot;
    private final Queue<Integer> released;

    PacketBuf(ByteBuffer packet, int slot, Queue<Integer> released) {
        // This constructor keeps the ByteBuffer as it is (no copy) and never frees its memory: the pool owns it.
        super(UnpooledByteBufAllocator.DEFAULT, packet.duplicate().clear(), packet.capacity());
        writerIndex(packet.capacity());
        this.slot = slot;
        this.released = released;
    }

    @Override
    protected void deallocate() {
        super.deallocate();
        released.add(slot);
    }
}

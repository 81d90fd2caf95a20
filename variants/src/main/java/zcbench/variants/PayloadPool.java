package zcbench.variants;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

/**
 * Page-aligned payload buffers that rotate first-in first-out. A buffer is handed out by
 * {@link #acquire()} and comes back only through {@link #release(int)}, which a zero-copy sender
 * calls when the buffer's notification has arrived: until then the kernel may still read it, so
 * it is neither re-stamped nor sent again.
 *
 * <p>A {@linkplain #shared shared} pool is the C tools' way: one buffer, written once, that every
 * send uses at once, since the kernel only reads it. Its {@link #acquire()} always returns slot 0
 * and {@link #release(int)} does nothing; nobody may stamp it after set-up.
 */
public final class PayloadPool implements AutoCloseable {
    private static final long PAGE = 4096;

    private final Arena arena = Arena.ofShared();
    private final MemorySegment[] buffers;
    private final boolean[] inUse;
    private final int[] queue;
    private final boolean shared;
    private int queueHead;
    private int freeCount;

    public PayloadPool(int slots, int payload) {
        this(slots, payload, false);
    }

    /** One buffer for every send at once, stamped with sequence number 0 at set-up. */
    public static PayloadPool shared(int payload) {
        return new PayloadPool(1, payload, true);
    }

    private PayloadPool(int slots, int payload, boolean shared) {
        this.shared = shared;
        if (slots < 1) {
            throw new IllegalArgumentException("a pool needs at least one buffer, not " + slots);
        }
        long size = (payload + PAGE - 1) / PAGE * PAGE;
        buffers = new MemorySegment[slots];
        inUse = new boolean[slots];
        queue = new int[slots];
        for (int i = 0; i < slots; i++) {
            buffers[i] = arena.allocate(size, PAGE);
            Stamp.prepare(buffers[i], payload);
            queue[i] = i;
        }
        freeCount = slots;
    }

    /** A free buffer's slot, or -1 when every buffer is still owed a notification. */
    public int acquire() {
        if (shared) {
            return 0;
        }
        if (freeCount == 0) {
            return -1;
        }
        int slot = queue[queueHead];
        queueHead = (queueHead + 1) % queue.length;
        freeCount--;
        inUse[slot] = true;
        return slot;
    }

    public void release(int slot) {
        if (shared) {
            return;
        }
        if (slot < 0 || slot >= buffers.length || !inUse[slot]) {
            throw new IllegalStateException("buffer " + slot + " released but it was not in use");
        }
        inUse[slot] = false;
        queue[(queueHead + freeCount) % queue.length] = slot;
        freeCount++;
    }

    public MemorySegment buffer(int slot) {
        return buffers[slot];
    }

    /** Every buffer, in slot order: what fixed-buffer senders register with the ring. */
    public MemorySegment[] buffers() {
        return buffers.clone();
    }

    public int free() {
        return shared ? 1 : freeCount;
    }

    public int size() {
        return buffers.length;
    }

    @Override
    public void close() {
        arena.close();
    }
}

package zcbench.variants;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

/**
 * Page-aligned payload buffers that rotate first-in first-out. A buffer is handed out by
 * {@link #acquire()} and comes back only through {@link #release(int)}, which a zero-copy sender
 * calls when the buffer's notification has arrived: until then the kernel may still read it, so
 * it is neither re-stamped nor sent again.
 */
public final class PayloadPool implements AutoCloseable {
    private static final long PAGE = 4096;

    private final Arena arena = Arena.ofShared();
    private final MemorySegment[] buffers;
    private final boolean[] inUse;
    private final int[] queue;
    private int queueHead;
    private int freeCount;

    public PayloadPool(int slots, int payload) {
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
        return freeCount;
    }

    public int size() {
        return buffers.length;
    }

    public boolean inUse(int slot) {
        return inUse[slot];
    }

    @Override
    public void close() {
        arena.close();
    }
}

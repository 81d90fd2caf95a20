package zcbench.variants;

/**
 * The per-request state of a zero-copy send, from submission to its notification: which buffer
 * it uses. Ids are sequential ints that wrap, as the kernel's MSG_ZEROCOPY ids do.
 *
 * <p>This is where {@code ubuf_cache} lives (docs/ARCHITECTURE.md, "The reference loops"): {@link Recycled} keeps the state in
 * preallocated arrays, {@link Allocated} allocates a record per request and drops it when the
 * notification arrives — the user-space analogue of the allocation the RFC's ubuf_info cache
 * removed from the kernel.
 */
public sealed interface RequestTable permits RequestTable.Recycled, RequestTable.Allocated {

    /** A table for at most {@code maxInFlight} requests awaiting their notification at once. */
    static RequestTable create(boolean ubufCache, int maxInFlight) {
        return ubufCache ? new Recycled(maxInFlight) : new Allocated(maxInFlight);
    }

    /** Whether {@link #begin} can take another request now. */
    boolean canBegin();

    /** Records a request on {@code slot} and returns its id. */
    int begin(int slot);

    /** Ends request {@code id} and returns its slot; an id not in flight is an error. */
    int complete(int id);

    int inFlight();

    /** The id the next {@link #begin} will return. */
    int nextId();

    /** State in arrays indexed by id; no allocation per request. */
    final class Recycled implements RequestTable {
        private final int[] slotOf;
        private final int[] idOf;
        private final int mask;
        private final int maxInFlight;
        private int nextId;
        private int inFlight;

        Recycled(int maxInFlight) {
            this.maxInFlight = maxInFlight;
            // Four times the bound, so that out-of-order notifications rarely make an index busy.
            int capacity = Integer.highestOneBit(Math.max(4, maxInFlight * 4 - 1)) << 1;
            slotOf = new int[capacity];
            idOf = new int[capacity];
            java.util.Arrays.fill(slotOf, -1);
            mask = capacity - 1;
        }

        @Override
        public boolean canBegin() {
            return inFlight < maxInFlight && slotOf[nextId & mask] < 0;
        }

        @Override
        public int begin(int slot) {
            int at = nextId & mask;
            if (slotOf[at] >= 0) {
                throw new IllegalStateException("request " + idOf[at] + " still in flight at index " + at);
            }
            slotOf[at] = slot;
            idOf[at] = nextId;
            inFlight++;
            return nextId++;
        }

        @Override
        public int complete(int id) {
            int at = id & mask;
            int slot = slotOf[at];
            if (slot < 0 || idOf[at] != id) {
                throw new IllegalStateException("completion for request " + Integer.toUnsignedString(id)
                        + ", which is not in flight (next id " + Integer.toUnsignedString(nextId) + ")");
            }
            slotOf[at] = -1;
            inFlight--;
            return slot;
        }

        @Override
        public int inFlight() {
            return inFlight;
        }

        @Override
        public int nextId() {
            return nextId;
        }
    }

    /** A record per request in a map, dropped at its notification. */
    final class Allocated implements RequestTable {
        /** The allocation this analogue measures: one object per request, dropped at its notification. */
        private record Pending(int slot) {
        }

        private final java.util.Map<Integer, Pending> pending = new java.util.HashMap<>();
        private final int maxInFlight;
        private int nextId;

        Allocated(int maxInFlight) {
            this.maxInFlight = maxInFlight;
        }

        @Override
        public boolean canBegin() {
            return pending.size() < maxInFlight;
        }

        @Override
        public int begin(int slot) {
            pending.put(nextId, new Pending(slot));
            return nextId++;
        }

        @Override
        public int complete(int id) {
            Pending p = pending.remove(id);
            if (p == null) {
                throw new IllegalStateException("completion for request " + Integer.toUnsignedString(id)
                        + ", which is not in flight (next id " + Integer.toUnsignedString(nextId) + ")");
            }
            return p.slot();
        }

        @Override
        public int inFlight() {
            return pending.size();
        }

        @Override
        public int nextId() {
            return nextId;
        }
    }
}

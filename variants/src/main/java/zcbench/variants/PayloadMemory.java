package zcbench.variants;

/** Where the payload buffers live: the memory knob (docs/ARCHITECTURE.md, "Who owns what"). */
public enum PayloadMemory {
    /** Page-aligned native memory, one allocation per buffer, as the C tools use by default. */
    NORMAL("normal"),
    /** One 2 MiB-aligned anonymous mapping advised MADV_HUGEPAGE, the buffers carved out of it. */
    THP("thp"),
    /** One mapping of reserved 2 MiB huge pages (MAP_HUGETLB), as liburing's send-zerocopy -l. */
    HUGETLB("hugetlb");

    private final String id;

    PayloadMemory(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static PayloadMemory of(String id) {
        for (PayloadMemory m : values()) {
            if (m.id.equals(id)) {
                return m;
            }
        }
        throw new IllegalArgumentException("memory must be normal, thp or hugetlb, not '" + id + "'");
    }
}

package zcbench.linux;

/** mmap and madvise constants, named and valued as in the uapi headers (asm-generic/mman*.h, x86_64). */
public final class MemoryConstants {
    public static final int PROT_READ = 0x1;
    public static final int PROT_WRITE = 0x2;
    public static final int MAP_SHARED = 0x01;
    public static final int MAP_PRIVATE = 0x02;
    public static final int MAP_ANONYMOUS = 0x20;
    public static final int MAP_POPULATE = 0x8000;
    public static final int MAP_HUGETLB = 0x40000;
    /** The huge page size's log2 goes in the flags' bits from here on (linux/mman.h). */
    public static final int MAP_HUGE_SHIFT = 26;
    public static final int MAP_HUGE_2MB = 21 << MAP_HUGE_SHIFT;
    public static final int MADV_HUGEPAGE = 14;

    private MemoryConstants() {
    }
}

package zcbench.linux.proc;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

import zcbench.linux.Libc;
import zcbench.linux.LinuxException;

/**
 * A /proc file opened once and read again from its start with pread(2) into a buffer of its own,
 * so that a reading between benchmark iterations allocates nothing. A /proc/net file keeps the
 * network namespace of the thread that opened it, so it can be read from any thread after.
 */
public final class ProcFile implements AutoCloseable {
    private static final int O_RDONLY = 0;
    private static final int O_CLOEXEC = 0x80000;

    private final String path;
    private final Arena arena = Arena.ofShared();
    private final MemorySegment buf;
    private final int fd;
    private int length;

    public ProcFile(String path, int capacity) {
        this.path = path;
        int f = Libc.open(path, O_RDONLY | O_CLOEXEC);
        if (f < 0) {
            arena.close();
            throw new LinuxException("open " + path, -f);
        }
        this.fd = f;
        this.buf = arena.allocate(capacity);
    }

    /** Reads the whole file again; its bytes are then {@link #byteAt}(0 .. {@link #length()}-1). */
    public void reread() {
        long n = Libc.pread(fd, buf, buf.byteSize(), 0);
        if (n < 0) {
            throw new LinuxException("pread " + path, (int) -n);
        }
        if (n == buf.byteSize()) {
            throw new IllegalStateException(path + " is larger than its " + buf.byteSize() + "-byte buffer");
        }
        length = (int) n;
    }

    public int length() {
        return length;
    }

    public byte byteAt(int i) {
        return buf.get(ValueLayout.JAVA_BYTE, i);
    }

    /** Index just past the first occurrence of {@code ascii} at or after {@code from}, or -1. */
    public int indexAfter(String ascii, int from) {
        outer:
        for (int i = from; i + ascii.length() <= length; i++) {
            for (int j = 0; j < ascii.length(); j++) {
                if (byteAt(i + j) != ascii.charAt(j)) {
                    continue outer;
                }
            }
            return i + ascii.length();
        }
        return -1;
    }

    /** Index of the last byte {@code b}, or -1. */
    public int lastIndexOf(char b) {
        for (int i = length - 1; i >= 0; i--) {
            if (byteAt(i) == b) {
                return i;
            }
        }
        return -1;
    }

    /** The {@code n}th (0-based) whitespace-separated decimal number at or after {@code from}. */
    public long number(int from, int n) {
        int i = from;
        for (int field = 0; ; field++) {
            while (i < length && Character.isWhitespace(byteAt(i))) {
                i++;
            }
            if (i >= length) {
                throw new IllegalStateException(path + ": fewer than " + (n + 1) + " numbers where one was expected");
            }
            if (field == n) {
                long v = 0;
                for (; i < length && byteAt(i) >= '0' && byteAt(i) <= '9'; i++) {
                    v = v * 10 + (byteAt(i) - '0');
                }
                return v;
            }
            while (i < length && !Character.isWhitespace(byteAt(i))) {
                i++;
            }
        }
    }

    @Override
    public void close() {
        Libc.close(fd);
        arena.close();
    }
}

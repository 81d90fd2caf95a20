package zcbench.linux.proc;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

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
    private final ProcText text;

    public ProcFile(String path, int capacity) {
        this.path = path;
        int f = Libc.open(path, O_RDONLY | O_CLOEXEC);
        if (f < 0) {
            arena.close();
            throw new LinuxException("open " + path, -f);
        }
        this.fd = f;
        this.buf = arena.allocate(capacity);
        this.text = new ProcText(path, buf, 0);
    }

    /** Reads the whole file again; the text returned is this file's one view, valid until the next reading. */
    public ProcText reread() {
        long n = Libc.pread(fd, buf, buf.byteSize(), 0);
        if (n < 0) {
            throw new LinuxException("pread " + path, (int) -n);
        }
        if (n == buf.byteSize()) {
            throw new IllegalStateException(path + " is larger than its " + buf.byteSize() + "-byte buffer");
        }
        text.length((int) n);
        return text;
    }

    @Override
    public void close() {
        Libc.close(fd);
        arena.close();
    }
}

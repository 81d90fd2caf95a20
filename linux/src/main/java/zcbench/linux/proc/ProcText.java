package zcbench.linux.proc;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.charset.StandardCharsets;

/**
 * The text of a /proc file as last read, parsed where it lies: a {@link ProcFile}'s buffer, or a
 * recorded sample. Parsing allocates nothing, so that it can run between benchmark iterations.
 */
public final class ProcText {
    private final String path;
    private final MemorySegment buf;
    private int length;

    ProcText(String path, MemorySegment buf, int length) {
        this.path = path;
        this.buf = buf;
        this.length = length;
    }

    /** A recorded sample of {@code path}, as a test reads it. */
    public static ProcText of(String path, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
        return new ProcText(path, MemorySegment.ofArray(bytes), bytes.length);
    }

    void length(int n) {
        length = n;
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

    /** Index just past {@code ascii} at the start of a line, or -1. */
    public int indexAfterLineStart(String ascii) {
        for (int at = indexAfter(ascii, 0); at >= 0; at = indexAfter(ascii, at)) {
            int start = at - ascii.length();
            if (start == 0 || byteAt(start - 1) == '\n') {
                return at;
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

    public String path() {
        return path;
    }
}

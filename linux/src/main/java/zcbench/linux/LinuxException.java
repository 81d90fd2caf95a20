package zcbench.linux;

/**
 * A failed libc call or syscall: names the call, the errno symbol and its text, and what the
 * user can do about it where that is known. {@link #check} turns the syscall layer's -errno into one.
 */
public final class LinuxException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String call;
    private final int errno;

    public LinuxException(String call, int errno) {
        this(call, errno, Errno.hint(call, errno));
    }

    public LinuxException(String call, int errno, String hint) {
        super(message(call, errno, hint));
        this.call = call;
        this.errno = errno;
    }

    /** Returns {@code rc} when it is not negative, else throws for {@code -rc} as errno. */
    public static long check(String call, long rc) {
        if (rc < 0) {
            throw new LinuxException(call, (int) -rc);
        }
        return rc;
    }

    /** Same as {@link #check(String, long)} for int results. */
    public static int check(String call, int rc) {
        if (rc < 0) {
            throw new LinuxException(call, -rc);
        }
        return rc;
    }

    private static String message(String call, int errno, String hint) {
        String base = call + ": " + Errno.name(errno) + " (" + Errno.description(errno) + ")";
        return hint == null ? base : base + " — " + hint;
    }

    public String call() {
        return call;
    }

    public int errno() {
        return errno;
    }
}

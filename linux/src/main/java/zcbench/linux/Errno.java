package zcbench.linux;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;

/**
 * errno values the project reacts to, their names and texts as glibc gives them, and what to do
 * about the failures that have a known cure. It sits above the syscall layer, which returns
 * -errno and knows no messages, and calls none of it: glibc's two naming functions are declared
 * here, through {@link Downcalls} as every downcall is.
 */
public final class Errno {
    public static final int EPERM = 1;
    public static final int ENOENT = 2;
    public static final int EINTR = 4;
    public static final int EBADF = 9;
    public static final int EAGAIN = 11;
    public static final int ENOMEM = 12;
    public static final int EINVAL = 22;
    public static final int EMSGSIZE = 90;
    public static final int ENOBUFS = 105;
    public static final int ETIME = 62;
    public static final int ENOSYS = 38;
    public static final int ENOPROTOOPT = 92;

    private static final FunctionDescriptor ERRNO_TO_STRING = FunctionDescriptor.of(ADDRESS, JAVA_INT);
    private static final MethodHandle STRERRORNAME_NP = Downcalls.plainCall("strerrorname_np", ERRNO_TO_STRING);
    private static final MethodHandle STRERRORDESC_NP = Downcalls.plainCall("strerrordesc_np", ERRNO_TO_STRING);

    private Errno() {
    }

    /** The symbol, e.g. {@code EBADF}; glibc's strerrorname_np is thread-safe and static. */
    public static String name(int errno) {
        MemorySegment s = text(STRERRORNAME_NP, errno);
        return s.equals(MemorySegment.NULL) ? "E" + errno : s.reinterpret(64).getString(0);
    }

    /** The text, e.g. {@code Bad file descriptor}; strerrordesc_np, unlike strerror, is thread-safe. */
    public static String description(int errno) {
        MemorySegment s = text(STRERRORDESC_NP, errno);
        return s.equals(MemorySegment.NULL) ? "unknown error " + errno : s.reinterpret(256).getString(0);
    }

    private static MemorySegment text(MethodHandle function, int errno) {
        try {
            return (MemorySegment) function.invokeExact(errno);
        } catch (Throwable t) {
            throw Downcalls.linkage(t);
        }
    }

    /** What the user can do, for the failures that have a known cure. */
    static String hint(String call, int errno) {
        if (errno == ENOMEM && call.startsWith("io_uring_register")) {
            return "registered buffers count against the locked-memory limit: raise it (ulimit -l) or run as root";
        }
        if (errno == ENOMEM && call.startsWith("io_uring_setup")) {
            return "the ring's memory counts against the locked-memory limit on older kernels: raise it (ulimit -l)";
        }
        if (errno == EPERM && (call.startsWith("setns") || call.startsWith("io_uring_setup"))) {
            return "needs root (CAP_SYS_ADMIN / CAP_NET_ADMIN), or io_uring is disabled (sysctl kernel.io_uring_disabled)";
        }
        if (errno == ENOSYS && call.startsWith("io_uring")) {
            return "this kernel has no io_uring (5.1+ needed, 6.0+ for SEND_ZC)";
        }
        if (errno == ENOBUFS && call.startsWith("sendmsg")) {
            return "the socket's option memory is exhausted by pending zero-copy notifications (sysctl net.core.optmem_max)";
        }
        return null;
    }
}

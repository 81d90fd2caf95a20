package zcbench.linux;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;

/**
 * Every libc function and raw syscall the project calls, declared once.
 *
 * <p>Convention, as in raw syscalls and liburing: a call returns its result when it succeeded and
 * {@code -errno} when it failed. errno is read only after a failure: a successful call leaves a
 * stale value in it. {@link #check} turns a negative result into a {@link LinuxException}.
 *
 * <p>errno is captured by the linker into a per-thread segment, so that no call allocates.
 */
public final class Libc {
    private static final Linker LINKER = Linker.nativeLinker();
    private static final Linker.Option ERRNO = Linker.Option.captureCallState("errno");
    private static final StructLayout CAPTURE = Linker.Option.captureStateLayout();
    private static final VarHandle CAPTURED_ERRNO =
            CAPTURE.varHandle(MemoryLayout.PathElement.groupElement("errno"));
    private static final ThreadLocal<MemorySegment> CALL_STATE =
            ThreadLocal.withInitial(() -> Arena.ofAuto().allocate(CAPTURE));

    // x86_64 syscall numbers (arch/x86/entry/syscalls/syscall_64.tbl).
    public static final long SYS_io_uring_setup = 425;
    public static final long SYS_io_uring_enter = 426;
    public static final long SYS_io_uring_register = 427;

    private static final MethodHandle SOCKET = errnoCall("socket", JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT);
    private static final MethodHandle BIND = errnoCall("bind", JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT);
    private static final MethodHandle CONNECT = errnoCall("connect", JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT);
    private static final MethodHandle GETSOCKNAME = errnoCall("getsockname", JAVA_INT, JAVA_INT, ADDRESS, ADDRESS);
    private static final MethodHandle SETSOCKOPT =
            errnoCall("setsockopt", JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT);
    private static final MethodHandle GETSOCKOPT =
            errnoCall("getsockopt", JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT, ADDRESS, ADDRESS);
    private static final MethodHandle LISTEN = errnoCall("listen", JAVA_INT, JAVA_INT, JAVA_INT);
    private static final MethodHandle ACCEPT4 = errnoCall("accept4", JAVA_INT, JAVA_INT, ADDRESS, ADDRESS, JAVA_INT);
    private static final MethodHandle SEND = errnoCall("send", JAVA_LONG, JAVA_INT, ADDRESS, JAVA_LONG, JAVA_INT);
    private static final MethodHandle SENDTO =
            errnoCall("sendto", JAVA_LONG, JAVA_INT, ADDRESS, JAVA_LONG, JAVA_INT, ADDRESS, JAVA_INT);
    private static final MethodHandle SENDMSG = errnoCall("sendmsg", JAVA_LONG, JAVA_INT, ADDRESS, JAVA_INT);
    private static final MethodHandle RECV = errnoCall("recv", JAVA_LONG, JAVA_INT, ADDRESS, JAVA_LONG, JAVA_INT);
    private static final MethodHandle POLL = errnoCall("poll", JAVA_INT, ADDRESS, JAVA_LONG, JAVA_INT);
    private static final MethodHandle CLOSE = errnoCall("close", JAVA_INT, JAVA_INT);
    private static final MethodHandle PREAD = errnoCall("pread", JAVA_LONG, JAVA_INT, ADDRESS, JAVA_LONG, JAVA_LONG);
    private static final MethodHandle OPEN = LINKER.downcallHandle(LINKER.defaultLookup().findOrThrow("open"),
            FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT, JAVA_INT), ERRNO, Linker.Option.firstVariadicArg(2));
    private static final MethodHandle MMAP =
            errnoCall("mmap", ADDRESS, ADDRESS, JAVA_LONG, JAVA_INT, JAVA_INT, JAVA_INT, JAVA_LONG);
    private static final MethodHandle MUNMAP = errnoCall("munmap", JAVA_INT, ADDRESS, JAVA_LONG);
    private static final MethodHandle SCHED_SETAFFINITY =
            errnoCall("sched_setaffinity", JAVA_INT, JAVA_INT, JAVA_LONG, ADDRESS);
    private static final MethodHandle SCHED_GETAFFINITY =
            errnoCall("sched_getaffinity", JAVA_INT, JAVA_INT, JAVA_LONG, ADDRESS);
    private static final MethodHandle GETRUSAGE = errnoCall("getrusage", JAVA_INT, JAVA_INT, ADDRESS);
    private static final MethodHandle GETEUID = plainCall("geteuid", FunctionDescriptor.of(JAVA_INT));
    private static final MethodHandle SETNS = errnoCall("setns", JAVA_INT, JAVA_INT, JAVA_INT);
    private static final MethodHandle UMOUNT2 = errnoCall("umount2", JAVA_INT, ADDRESS, JAVA_INT);
    private static final MethodHandle UNLINK = errnoCall("unlink", JAVA_INT, ADDRESS);
    private static final MethodHandle MALLOC = plainCall("malloc", FunctionDescriptor.of(ADDRESS, JAVA_LONG));
    private static final MethodHandle FREE = plainCall("free", FunctionDescriptor.ofVoid(ADDRESS));
    private static final MethodHandle STRERRORNAME_NP =
            plainCall("strerrorname_np", FunctionDescriptor.of(ADDRESS, JAVA_INT));
    private static final MethodHandle STRERRORDESC_NP =
            plainCall("strerrordesc_np", FunctionDescriptor.of(ADDRESS, JAVA_INT));

    // syscall(2) is variadic; every variadic argument is passed as a long because glibc reads
    // each with va_arg(long): an int would leave the register's upper half undefined.
    private static final MethodHandle SYSCALL_3 = syscall(3);
    private static final MethodHandle SYSCALL_4 = syscall(4);
    private static final MethodHandle SYSCALL_6 = syscall(6);
    // Calls that never block (MSG_DONTWAIT sends and reads, io_uring_enter without GETEVENTS) skip
    // the thread-state transition of a downcall (Linker.Option.critical): on the send paths that
    // transition is a measurable share of the time a packet takes. Nothing that can block may use them,
    // since the JVM cannot reach a safepoint while one runs.
    private static final Linker.Option[] NON_BLOCKING = {ERRNO, Linker.Option.critical(false)};
    private static final MethodHandle SYSCALL_6_NONBLOCKING = syscall(6, Linker.Option.critical(false));
    private static final MethodHandle SENDMSG_NONBLOCKING = errnoCall("sendmsg", NON_BLOCKING, JAVA_LONG, JAVA_INT,
            ADDRESS, JAVA_INT);
    private static final MethodHandle RECVMSG_NONBLOCKING = errnoCall("recvmsg", NON_BLOCKING, JAVA_LONG, JAVA_INT,
            ADDRESS, JAVA_INT);

    private Libc() {
    }

    private static MethodHandle errnoCall(String name, MemoryLayout result, MemoryLayout... args) {
        return errnoCall(name, new Linker.Option[] {ERRNO}, result, args);
    }

    private static MethodHandle errnoCall(String name, Linker.Option[] options, MemoryLayout result,
                                          MemoryLayout... args) {
        return LINKER.downcallHandle(LINKER.defaultLookup().findOrThrow(name), FunctionDescriptor.of(result, args),
                options);
    }

    private static MethodHandle plainCall(String name, FunctionDescriptor descriptor) {
        return LINKER.downcallHandle(LINKER.defaultLookup().findOrThrow(name), descriptor);
    }

    private static MethodHandle syscall(int variadicArgs, Linker.Option... extra) {
        MemoryLayout[] args = new MemoryLayout[variadicArgs + 1];
        java.util.Arrays.fill(args, JAVA_LONG);
        Linker.Option[] options = java.util.stream.Stream.concat(
                java.util.stream.Stream.of(ERRNO, Linker.Option.firstVariadicArg(1)), java.util.Arrays.stream(extra))
                .toArray(Linker.Option[]::new);
        return LINKER.downcallHandle(LINKER.defaultLookup().findOrThrow("syscall"),
                FunctionDescriptor.of(JAVA_LONG, args), options);
    }

    private static MemorySegment state() {
        return CALL_STATE.get();
    }

    private static int errno(MemorySegment state) {
        return (int) CAPTURED_ERRNO.get(state, 0L);
    }

    private static int result(int rc, MemorySegment state) {
        return rc == -1 ? -errno(state) : rc;
    }

    private static long result(long rc, MemorySegment state) {
        return rc == -1 ? -errno(state) : rc;
    }

    /** invokeExact declares Throwable; only a bad argument or a VM error can come out of it. */
    private static RuntimeException linkage(Throwable t) {
        if (t instanceof RuntimeException re) {
            return re;
        }
        if (t instanceof Error e) {
            throw e;
        }
        return new IllegalStateException("native call failed", t);
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

    public static int socket(int domain, int type, int protocol) {
        MemorySegment st = state();
        try {
            return result((int) SOCKET.invokeExact(st, domain, type, protocol), st);
        } catch (Throwable t) {
            throw linkage(t);
        }
    }

    public static int bind(int fd, MemorySegment addr, int len) {
        MemorySegment st = state();
        try {
            return result((int) BIND.invokeExact(st, fd, addr, len), st);
        } catch (Throwable t) {
            throw linkage(t);
        }
    }

    public static int connect(int fd, MemorySegment addr, int len) {
        MemorySegment st = state();
        try {
            return result((int) CONNECT.invokeExact(st, fd, addr, len), st);
        } catch (Throwable t) {
            throw linkage(t);
        }
    }

    public static int getsockname(int fd, MemorySegment addr, MemorySegment lenInOut) {
        MemorySegment st = state();
        try {
            return result((int) GETSOCKNAME.invokeExact(st, fd, addr, lenInOut), st);
        } catch (Throwable t) {
            throw linkage(t);
        }
    }

    public static int setsockopt(int fd, int level, int name, MemorySegment value, int len) {
        MemorySegment st = state();
        try {
            return result((int) SETSOCKOPT.invokeExact(st, fd, level, name, value, len), st);
        } catch (Throwable t) {
            throw linkage(t);
        }
    }

    public static int getsockopt(int fd, int level, int name, MemorySegment value, MemorySegment lenInOut) {
        MemorySegment st = state();
        try {
            return result((int) GETSOCKOPT.invokeExact(st, fd, level, name, value, lenInOut), st);
        } catch (Throwable t) {
            throw linkage(t);
        }
    }

    public static int listen(int fd, int backlog) {
        MemorySegment st = state();
        try {
            return result((int) LISTEN.invokeExact(st, fd, backlog), st);
        } catch (Throwable t) {
            throw linkage(t);
        }
    }

    public static int accept4(int fd, int flags) {
        MemorySegment st = state();
        try {
            return result((int) ACCEPT4.invokeExact(st, fd, MemorySegment.NULL, MemorySegment.NULL, flags), st);
        } catch (Throwable t) {
            throw linkage(t);
        }
    }

    public static long send(int fd, MemorySegment buf, long len, int flags) {
        MemorySegment st = state();
        try {
            return result((long) SEND.invokeExact(st, fd, buf, len, flags), st);
        } catch (Throwable t) {
            throw linkage(t);
        }
    }

    public static long sendto(int fd, MemorySegment buf, long len, int flags, MemorySegment addr, int addrLen) {
        MemorySegment st = state();
        try {
            return result((long) SENDTO.invokeExact(st, fd, buf, len, flags, addr, addrLen), st);
        } catch (Throwable t) {
            throw linkage(t);
        }
    }

    public static long sendmsg(int fd, MemorySegment msghdr, int flags) {
        MemorySegment st = state();
        try {
            return result((long) SENDMSG.invokeExact(st, fd, msghdr, flags), st);
        } catch (Throwable t) {
            throw linkage(t);
        }
    }

    public static long recv(int fd, MemorySegment buf, long len, int flags) {
        MemorySegment st = state();
        try {
            return result((long) RECV.invokeExact(st, fd, buf, len, flags), st);
        } catch (Throwable t) {
            throw linkage(t);
        }
    }

    public static int poll(MemorySegment fds, long nfds, int timeoutMillis) {
        MemorySegment st = state();
        try {
            return result((int) POLL.invokeExact(st, fds, nfds, timeoutMillis), st);
        } catch (Throwable t) {
            throw linkage(t);
        }
    }

    public static int close(int fd) {
        MemorySegment st = state();
        try {
            return result((int) CLOSE.invokeExact(st, fd), st);
        } catch (Throwable t) {
            throw linkage(t);
        }
    }

    /** sendmsg(2) with MSG_DONTWAIT in {@code flags}, which cannot block (see SYSCALL_6_NONBLOCKING). */
    public static long sendmsgNonBlocking(int fd, MemorySegment msghdr, int flags) {
        MemorySegment st = state();
        try {
            return result((long) SENDMSG_NONBLOCKING.invokeExact(st, fd, msghdr, flags), st);
        } catch (Throwable t) {
            throw linkage(t);
        }
    }

    /** recvmsg(2) with MSG_DONTWAIT in {@code flags}, which cannot block (see SYSCALL_6_NONBLOCKING). */
    public static long recvmsgNonBlocking(int fd, MemorySegment msghdr, int flags) {
        MemorySegment st = state();
        try {
            return result((long) RECVMSG_NONBLOCKING.invokeExact(st, fd, msghdr, flags), st);
        } catch (Throwable t) {
            throw linkage(t);
        }
    }

    /** pread(2): bytes read, or -errno. */
    public static long pread(int fd, MemorySegment buf, long count, long offset) {
        MemorySegment st = state();
        try {
            return result((long) PREAD.invokeExact(st, fd, buf, count, offset), st);
        } catch (Throwable t) {
            throw linkage(t);
        }
    }

    public static int open(String path, int flags) {
        MemorySegment st = state();
        try (Arena arena = Arena.ofConfined()) {
            return result((int) OPEN.invokeExact(st, arena.allocateFrom(path), flags, 0), st);
        } catch (Throwable t) {
            throw linkage(t);
        }
    }

    /** Returns the mapping, or throws: there is no sensible negative pointer to hand back. */
    public static MemorySegment mmap(long length, int prot, int flags, int fd, long offset) {
        MemorySegment st = state();
        MemorySegment p;
        try {
            p = (MemorySegment) MMAP.invokeExact(st, MemorySegment.NULL, length, prot, flags, fd, offset);
        } catch (Throwable t) {
            throw linkage(t);
        }
        if (p.address() == -1L) {
            throw new LinuxException("mmap", errno(st));
        }
        return p.reinterpret(length);
    }

    public static int munmap(MemorySegment addr, long length) {
        MemorySegment st = state();
        try {
            return result((int) MUNMAP.invokeExact(st, addr, length), st);
        } catch (Throwable t) {
            throw linkage(t);
        }
    }

    public static int schedSetaffinity(int pid, MemorySegment mask) {
        MemorySegment st = state();
        try {
            return result((int) SCHED_SETAFFINITY.invokeExact(st, pid, mask.byteSize(), mask), st);
        } catch (Throwable t) {
            throw linkage(t);
        }
    }

    public static int schedGetaffinity(int pid, MemorySegment mask) {
        MemorySegment st = state();
        try {
            return result((int) SCHED_GETAFFINITY.invokeExact(st, pid, mask.byteSize(), mask), st);
        } catch (Throwable t) {
            throw linkage(t);
        }
    }

    public static int getrusage(int who, MemorySegment usage) {
        MemorySegment st = state();
        try {
            return result((int) GETRUSAGE.invokeExact(st, who, usage), st);
        } catch (Throwable t) {
            throw linkage(t);
        }
    }

    /** geteuid(2) cannot fail. */
    public static int geteuid() {
        try {
            return (int) GETEUID.invokeExact();
        } catch (Throwable t) {
            throw linkage(t);
        }
    }

    public static int setns(int fd, int nstype) {
        MemorySegment st = state();
        try {
            return result((int) SETNS.invokeExact(st, fd, nstype), st);
        } catch (Throwable t) {
            throw linkage(t);
        }
    }

    public static int umount2(String target, int flags) {
        MemorySegment st = state();
        try (Arena arena = Arena.ofConfined()) {
            return result((int) UMOUNT2.invokeExact(st, arena.allocateFrom(target), flags), st);
        } catch (Throwable t) {
            throw linkage(t);
        }
    }

    public static int unlink(String path) {
        MemorySegment st = state();
        try (Arena arena = Arena.ofConfined()) {
            return result((int) UNLINK.invokeExact(st, arena.allocateFrom(path)), st);
        } catch (Throwable t) {
            throw linkage(t);
        }
    }

    /** malloc(3); the caller owns the block and frees it with {@link #free}. */
    public static MemorySegment malloc(long size) {
        try {
            MemorySegment p = (MemorySegment) MALLOC.invokeExact(size);
            if (p.equals(MemorySegment.NULL)) {
                throw new OutOfMemoryError("malloc(" + size + ") returned NULL");
            }
            return p.reinterpret(size);
        } catch (OutOfMemoryError e) {
            throw e;
        } catch (Throwable t) {
            throw linkage(t);
        }
    }

    public static void free(MemorySegment p) {
        try {
            FREE.invokeExact(p);
        } catch (Throwable t) {
            throw linkage(t);
        }
    }

    static MemorySegment strerrorname(int errno) {
        try {
            return (MemorySegment) STRERRORNAME_NP.invokeExact(errno);
        } catch (Throwable t) {
            throw linkage(t);
        }
    }

    static MemorySegment strerrordesc(int errno) {
        try {
            return (MemorySegment) STRERRORDESC_NP.invokeExact(errno);
        } catch (Throwable t) {
            throw linkage(t);
        }
    }

    public static long syscall(long nr, long a, long b, long c) {
        MemorySegment st = state();
        try {
            return result((long) SYSCALL_3.invokeExact(st, nr, a, b, c), st);
        } catch (Throwable t) {
            throw linkage(t);
        }
    }

    public static long syscall(long nr, long a, long b, long c, long d) {
        MemorySegment st = state();
        try {
            return result((long) SYSCALL_4.invokeExact(st, nr, a, b, c, d), st);
        } catch (Throwable t) {
            throw linkage(t);
        }
    }

    /** A syscall that cannot block (see SYSCALL_6_NONBLOCKING): the caller vouches for that. */
    public static long syscallNonBlocking(long nr, long a, long b, long c, long d, long e, long f) {
        MemorySegment st = state();
        try {
            return result((long) SYSCALL_6_NONBLOCKING.invokeExact(st, nr, a, b, c, d, e, f), st);
        } catch (Throwable t) {
            throw linkage(t);
        }
    }

    public static long syscall(long nr, long a, long b, long c, long d, long e, long f) {
        MemorySegment st = state();
        try {
            return result((long) SYSCALL_6.invokeExact(st, nr, a, b, c, d, e, f), st);
        } catch (Throwable t) {
            throw linkage(t);
        }
    }
}

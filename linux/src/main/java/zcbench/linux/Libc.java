package zcbench.linux;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static zcbench.linux.Downcalls.errnoCall;
import static zcbench.linux.Downcalls.linkage;
import static zcbench.linux.Downcalls.plainCall;
import static zcbench.linux.Downcalls.result;
import static zcbench.linux.Downcalls.state;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;

/**
 * The libc calls on descriptors, files, mounts, namespaces and the process's identity: each
 * returns its result, or {@code -errno} ({@link Downcalls}). Sockets, memory, scheduling and
 * io_uring have classes of their own beside this one.
 */
public final class Libc {
    /** signal.h: the interrupt a terminal's Ctrl-C sends, on which perf stat prints its counts and exits. */
    public static final int SIGINT = 2;
    private static final MethodHandle OPEN = errnoCall("open", new Linker.Option[] {Linker.Option.firstVariadicArg(2)},
            JAVA_INT, ADDRESS, JAVA_INT, JAVA_INT);
    private static final MethodHandle CLOSE = errnoCall("close", JAVA_INT, JAVA_INT);
    private static final MethodHandle PREAD = errnoCall("pread", JAVA_LONG, JAVA_INT, ADDRESS, JAVA_LONG, JAVA_LONG);
    private static final MethodHandle UNLINK = errnoCall("unlink", JAVA_INT, ADDRESS);
    private static final MethodHandle UMOUNT2 = errnoCall("umount2", JAVA_INT, ADDRESS, JAVA_INT);
    private static final MethodHandle SETNS = errnoCall("setns", JAVA_INT, JAVA_INT, JAVA_INT);
    private static final MethodHandle KILL = errnoCall("kill", JAVA_INT, JAVA_INT, JAVA_INT);
    private static final MethodHandle GETEUID = plainCall("geteuid", FunctionDescriptor.of(JAVA_INT));

    private Libc() {
    }

    public static int open(String path, int flags) {
        MemorySegment st = state();
        try (Arena arena = Arena.ofConfined()) {
            return result((int) OPEN.invokeExact(st, arena.allocateFrom(path), flags, 0), st);
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

    /** pread(2): bytes read, or -errno. */
    public static long pread(int fd, MemorySegment buf, long count, long offset) {
        MemorySegment st = state();
        try {
            return result((long) PREAD.invokeExact(st, fd, buf, count, offset), st);
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

    public static int umount2(String target, int flags) {
        MemorySegment st = state();
        try (Arena arena = Arena.ofConfined()) {
            return result((int) UMOUNT2.invokeExact(st, arena.allocateFrom(target), flags), st);
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

    /** kill(2): 0, or -errno. */
    public static int kill(long pid, int signal) {
        MemorySegment st = state();
        try {
            return result((int) KILL.invokeExact(st, Math.toIntExact(pid), signal), st);
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
}

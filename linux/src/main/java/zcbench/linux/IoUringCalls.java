package zcbench.linux;

import static zcbench.linux.Downcalls.NON_BLOCKING;
import static zcbench.linux.Downcalls.linkage;
import static zcbench.linux.Downcalls.result;
import static zcbench.linux.Downcalls.state;
import static zcbench.linux.Downcalls.syscall;
import static zcbench.linux.Downcalls.syscallWithoutErrno;

import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;

/** The three io_uring syscalls, which glibc does not wrap: each returns its result, or {@code -errno}. */
public final class IoUringCalls {
    // x86_64 syscall numbers (arch/x86/entry/syscalls/syscall_64.tbl).
    private static final long SYS_io_uring_setup = 425;
    private static final long SYS_io_uring_enter = 426;
    private static final long SYS_io_uring_register = 427;

    private static final MethodHandle SYSCALL_3 = syscall(3);
    private static final MethodHandle SYSCALL_4 = syscall(4);
    private static final MethodHandle SYSCALL_6 = syscall(6);
    private static final MethodHandle SYSCALL_6_SUBMIT = syscallWithoutErrno(6, NON_BLOCKING);

    /** What {@link #submit} returns when the call failed: errno was not read. */
    public static final long FAILED = -1;

    private IoUringCalls() {
    }

    /** io_uring_setup(2), which fills in {@code params}: the ring's descriptor, or -errno. */
    public static long setup(int entries, MemorySegment params) {
        MemorySegment st = state();
        try {
            return result((long) SYSCALL_3.invokeExact(st, SYS_io_uring_setup, (long) entries, params.address(), 0L),
                    st);
        } catch (Throwable t) {
            throw linkage(t);
        }
    }

    /**
     * Where a caller that makes many calls from one thread at a time keeps errno: its own, so that
     * a call spares the thread-local lookup of {@link Downcalls#state()}. Freed with the last
     * reference to it.
     */
    public static MemorySegment newCallState() {
        return Downcalls.newState();
    }

    /**
     * io_uring_enter(2): SQEs consumed, or -errno. {@code arg} is an address, or 0. {@code st} is
     * the caller's {@link #newCallState()}.
     */
    public static long enter(MemorySegment st, int fd, int toSubmit, int minComplete, int flags, long arg,
                             long argSize) {
        try {
            return result((long) SYSCALL_6.invokeExact(st, SYS_io_uring_enter, (long) fd, (long) toSubmit,
                    (long) minComplete, (long) flags, arg, argSize), st);
        } catch (Throwable t) {
            throw linkage(t);
        }
    }

    /**
     * io_uring_enter(2) without IORING_ENTER_GETEVENTS, which only submits and so cannot block
     * ({@link Downcalls#NON_BLOCKING}); the caller vouches for the flags. Returns the SQEs consumed,
     * or {@link #FAILED} without errno: io_uring_enter fails only when it consumed nothing (having
     * consumed some, it returns their count), so the caller learns why by making the same call
     * again with {@link #enter}, which may then succeed where a transient failure (EAGAIN) passed.
     */
    public static long submit(int fd, int toSubmit, int flags) {
        try {
            return (long) SYSCALL_6_SUBMIT.invokeExact(SYS_io_uring_enter, (long) fd, (long) toSubmit, 0L,
                    (long) flags, 0L, 0L);
        } catch (Throwable t) {
            throw linkage(t);
        }
    }

    /** io_uring_register(2): the opcode's result, or -errno. */
    public static long register(int fd, int opcode, MemorySegment arg, int nrArgs) {
        MemorySegment st = state();
        try {
            return result((long) SYSCALL_4.invokeExact(st, SYS_io_uring_register, (long) fd, (long) opcode,
                    arg.address(), (long) nrArgs), st);
        } catch (Throwable t) {
            throw linkage(t);
        }
    }
}

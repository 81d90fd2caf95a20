package zcbench.linux;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;
import java.util.Arrays;
import java.util.stream.Stream;

/**
 * The one way this package declares a downcall, and the errno convention every call of the
 * syscall layer ({@link Libc}, {@link SocketCalls}, {@link MemoryCalls}, {@link SchedCalls},
 * {@link IoUringCalls}) follows: as in raw syscalls and liburing, a call returns its result when
 * it succeeded and {@code -errno} when it failed. errno is read only after a failure: a successful
 * call leaves a stale value in it. The layer knows no messages: the code above it names the call
 * and turns -errno into an exception.
 *
 * <p>errno is captured by the linker into a per-thread segment, so that no call allocates.
 */
final class Downcalls {
    private static final Linker LINKER = Linker.nativeLinker();
    private static final Linker.Option ERRNO = Linker.Option.captureCallState("errno");
    private static final StructLayout CAPTURE = Linker.Option.captureStateLayout();
    private static final VarHandle CAPTURED_ERRNO =
            CAPTURE.varHandle(MemoryLayout.PathElement.groupElement("errno"));
    private static final ThreadLocal<MemorySegment> CALL_STATE = ThreadLocal.withInitial(Downcalls::newState);

    /**
     * For calls that never block (MSG_DONTWAIT sends and reads, io_uring_enter without GETEVENTS):
     * they skip the thread-state transition of a downcall, which on the send paths is a measurable
     * share of the time a packet takes. Nothing that can block may use it, since the JVM cannot
     * reach a safepoint while one runs.
     */
    static final Linker.Option[] NON_BLOCKING = {Linker.Option.critical(false)};

    private Downcalls() {
    }

    /** A function whose errno is captured; its handle takes the call state first. */
    static MethodHandle errnoCall(String name, MemoryLayout result, MemoryLayout... args) {
        return errnoCall(name, new Linker.Option[0], result, args);
    }

    /** The same, with linker options beyond the errno capture ({@link #NON_BLOCKING}, variadic). */
    static MethodHandle errnoCall(String name, Linker.Option[] options, MemoryLayout result, MemoryLayout... args) {
        Linker.Option[] all = Stream.concat(Stream.of(ERRNO), Arrays.stream(options)).toArray(Linker.Option[]::new);
        return LINKER.downcallHandle(LINKER.defaultLookup().findOrThrow(name), FunctionDescriptor.of(result, args),
                all);
    }

    /** A function that cannot fail, or reports failure other than through errno. */
    static MethodHandle plainCall(String name, FunctionDescriptor descriptor) {
        return LINKER.downcallHandle(LINKER.defaultLookup().findOrThrow(name), descriptor);
    }

    /**
     * syscall(2) with the number and {@code variadicArgs} arguments. It is variadic; every
     * variadic argument is passed as a long because glibc reads each with va_arg(long): an int
     * would leave the register's upper half undefined.
     */
    static MethodHandle syscall(int variadicArgs, Linker.Option... options) {
        return errnoCall("syscall", syscallOptions(options), JAVA_LONG, syscallArgs(variadicArgs));
    }

    /**
     * The same without errno: a failure comes back as -1 and nothing more. Capturing errno costs a
     * call into the JVM and a thread-local read after every call, a share of a packet's time at
     * batch 1; this is for a call that, when it failed, can be made again to learn why
     * ({@link IoUringCalls#submit}).
     */
    static MethodHandle syscallWithoutErrno(int variadicArgs, Linker.Option... options) {
        return LINKER.downcallHandle(LINKER.defaultLookup().findOrThrow("syscall"),
                FunctionDescriptor.of(JAVA_LONG, syscallArgs(variadicArgs)), syscallOptions(options));
    }

    private static MemoryLayout[] syscallArgs(int variadicArgs) {
        MemoryLayout[] args = new MemoryLayout[variadicArgs + 1];
        Arrays.fill(args, JAVA_LONG);
        return args;
    }

    private static Linker.Option[] syscallOptions(Linker.Option... options) {
        return Stream.concat(Stream.of(Linker.Option.firstVariadicArg(1)), Arrays.stream(options))
                .toArray(Linker.Option[]::new);
    }

    /**
     * A call state of its own. An automatic arena's: its session needs no acquire and release
     * around each downcall, as a shared arena's would (two atomic updates per call).
     */
    static MemorySegment newState() {
        return Arena.ofAuto().allocate(CAPTURE);
    }

    /** This thread's call state, passed first to every handle of {@link #errnoCall}. */
    static MemorySegment state() {
        return CALL_STATE.get();
    }

    static int errno(MemorySegment state) {
        return (int) CAPTURED_ERRNO.get(state, 0L);
    }

    static int result(int rc, MemorySegment state) {
        return rc == -1 ? -errno(state) : rc;
    }

    static long result(long rc, MemorySegment state) {
        return rc == -1 ? -errno(state) : rc;
    }

    /** invokeExact declares Throwable; only a bad argument or a VM error can come out of it. */
    static RuntimeException linkage(Throwable t) {
        if (t instanceof RuntimeException re) {
            return re;
        }
        if (t instanceof Error e) {
            throw e;
        }
        return new IllegalStateException("native call failed", t);
    }
}

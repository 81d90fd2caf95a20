package zcbench.linux;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static zcbench.linux.Downcalls.NON_BLOCKING;
import static zcbench.linux.Downcalls.errnoCall;
import static zcbench.linux.Downcalls.linkage;
import static zcbench.linux.Downcalls.result;
import static zcbench.linux.Downcalls.state;

import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;

/** The socket calls: each returns its result, or {@code -errno} ({@link Downcalls}). */
public final class SocketCalls {
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
    private static final MethodHandle SENDMSG_NONBLOCKING =
            errnoCall("sendmsg", NON_BLOCKING, JAVA_LONG, JAVA_INT, ADDRESS, JAVA_INT);
    private static final MethodHandle RECVMSG_NONBLOCKING =
            errnoCall("recvmsg", NON_BLOCKING, JAVA_LONG, JAVA_INT, ADDRESS, JAVA_INT);

    private SocketCalls() {
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

    /** sendmsg(2) with MSG_DONTWAIT in {@code flags}, which cannot block ({@link Downcalls#NON_BLOCKING}). */
    public static long sendmsgNonBlocking(int fd, MemorySegment msghdr, int flags) {
        MemorySegment st = state();
        try {
            return result((long) SENDMSG_NONBLOCKING.invokeExact(st, fd, msghdr, flags), st);
        } catch (Throwable t) {
            throw linkage(t);
        }
    }

    /** recvmsg(2) with MSG_DONTWAIT in {@code flags}, which cannot block ({@link Downcalls#NON_BLOCKING}). */
    public static long recvmsgNonBlocking(int fd, MemorySegment msghdr, int flags) {
        MemorySegment st = state();
        try {
            return result((long) RECVMSG_NONBLOCKING.invokeExact(st, fd, msghdr, flags), st);
        } catch (Throwable t) {
            throw linkage(t);
        }
    }
}

package zcbench.linux.net;

import static java.lang.foreign.MemoryLayout.paddingLayout;
import static java.lang.foreign.MemoryLayout.structLayout;
import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static java.lang.foreign.ValueLayout.JAVA_SHORT;

import java.lang.foreign.MemoryLayout;
import java.lang.foreign.StructLayout;

/** The socket structs, each declared once with the field names of the kernel headers. */
public final class Structs {
    /** {@code struct sockaddr_in}; port and address in network byte order. */
    public static final StructLayout SOCKADDR_IN = structLayout(
            JAVA_SHORT.withName("sin_family"),
            JAVA_SHORT.withName("sin_port"),
            JAVA_INT.withName("sin_addr"),
            MemoryLayout.sequenceLayout(8, JAVA_BYTE).withName("sin_zero"));

    /** {@code struct sockaddr_in6}; port and address in network byte order. */
    public static final StructLayout SOCKADDR_IN6 = structLayout(
            JAVA_SHORT.withName("sin6_family"),
            JAVA_SHORT.withName("sin6_port"),
            JAVA_INT.withName("sin6_flowinfo"),
            MemoryLayout.sequenceLayout(16, JAVA_BYTE).withName("sin6_addr"),
            JAVA_INT.withName("sin6_scope_id"));

    /** {@code struct iovec}. */
    public static final StructLayout IOVEC = structLayout(
            ADDRESS.withName("iov_base"),
            JAVA_LONG.withName("iov_len"));

    /** {@code struct msghdr} as glibc declares it on x86_64. */
    public static final StructLayout MSGHDR = structLayout(
            ADDRESS.withName("msg_name"),
            JAVA_INT.withName("msg_namelen"),
            paddingLayout(4),
            ADDRESS.withName("msg_iov"),
            JAVA_LONG.withName("msg_iovlen"),
            ADDRESS.withName("msg_control"),
            JAVA_LONG.withName("msg_controllen"),
            JAVA_INT.withName("msg_flags"),
            paddingLayout(4));

    /** {@code struct cmsghdr}; its data follows at {@link #CMSG_DATA_OFFSET}. */
    public static final StructLayout CMSGHDR = structLayout(
            JAVA_LONG.withName("cmsg_len"),
            JAVA_INT.withName("cmsg_level"),
            JAVA_INT.withName("cmsg_type"));

    /** {@code struct sock_extended_err} (linux/errqueue.h). */
    public static final StructLayout SOCK_EXTENDED_ERR = structLayout(
            JAVA_INT.withName("ee_errno"),
            JAVA_BYTE.withName("ee_origin"),
            JAVA_BYTE.withName("ee_type"),
            JAVA_BYTE.withName("ee_code"),
            JAVA_BYTE.withName("ee_pad"),
            JAVA_INT.withName("ee_info"),
            JAVA_INT.withName("ee_data"));

    /** {@code struct pollfd}. */
    public static final StructLayout POLLFD = structLayout(
            JAVA_INT.withName("fd"),
            JAVA_SHORT.withName("events"),
            JAVA_SHORT.withName("revents"));

    public static final long CMSG_DATA_OFFSET = CMSGHDR.byteSize();

    private Structs() {
    }

    /**
     * Byte offset of a named field, nested ones by path ("sq_off", "head"), computed from the
     * layout so that no offset is typed twice. Every struct of the project uses it.
     */
    public static long offset(StructLayout layout, String... path) {
        MemoryLayout.PathElement[] elements = new MemoryLayout.PathElement[path.length];
        for (int i = 0; i < path.length; i++) {
            elements[i] = MemoryLayout.PathElement.groupElement(path[i]);
        }
        return layout.byteOffset(elements);
    }
}

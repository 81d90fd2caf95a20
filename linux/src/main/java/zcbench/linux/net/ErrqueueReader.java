package zcbench.linux.net;

import static zcbench.linux.net.NetConstants.IPV6_RECVERR;
import static zcbench.linux.net.NetConstants.IP_RECVERR;
import static zcbench.linux.net.NetConstants.MSG_CTRUNC;
import static zcbench.linux.net.NetConstants.MSG_DONTWAIT;
import static zcbench.linux.net.NetConstants.MSG_ERRQUEUE;
import static zcbench.linux.net.NetConstants.SOL_IP;
import static zcbench.linux.net.NetConstants.SOL_IPV6;
import static zcbench.linux.net.Structs.CMSGHDR;
import static zcbench.linux.net.Structs.CMSG_DATA_OFFSET;
import static zcbench.linux.net.Structs.MSGHDR;
import static zcbench.linux.net.Structs.SOCK_EXTENDED_ERR;
import static zcbench.linux.net.Structs.offset;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

import zcbench.linux.Errno;
import zcbench.linux.LinuxException;
import zcbench.linux.SocketCalls;

/**
 * Reads a socket's error queue with {@code recvmsg(MSG_ERRQUEUE)} and parses the control message
 * into the {@code sock_extended_err} fields. One reader per socket and thread; its buffers are
 * reused, so a read allocates nothing. The fields stay valid until the next read.
 */
public final class ErrqueueReader implements AutoCloseable {
    private static final long MSG_CONTROL = offset(MSGHDR, "msg_control");
    private static final long MSG_CONTROLLEN = offset(MSGHDR, "msg_controllen");
    private static final long MSG_FLAGS = offset(MSGHDR, "msg_flags");
    private static final long CMSG_LEN = offset(CMSGHDR, "cmsg_len");
    private static final long CMSG_LEVEL = offset(CMSGHDR, "cmsg_level");
    private static final long CMSG_TYPE = offset(CMSGHDR, "cmsg_type");
    private static final long EE_ERRNO = offset(SOCK_EXTENDED_ERR, "ee_errno");
    private static final long EE_ORIGIN = offset(SOCK_EXTENDED_ERR, "ee_origin");
    private static final long EE_CODE = offset(SOCK_EXTENDED_ERR, "ee_code");
    private static final long EE_INFO = offset(SOCK_EXTENDED_ERR, "ee_info");
    private static final long EE_DATA = offset(SOCK_EXTENDED_ERR, "ee_data");
    private static final long CONTROL_BYTES = 128;

    private final Arena arena = Arena.ofConfined();
    private final MemorySegment msghdr = arena.allocate(MSGHDR);
    private final MemorySegment control = arena.allocate(CONTROL_BYTES, 8);

    private int eeErrno;
    private int eeOrigin;
    private int eeCode;
    private int eeInfo;
    private int eeData;

    /**
     * Reads one message without blocking: true when one was read (its fields are then set),
     * false when the queue was empty.
     */
    public boolean read(InetSocket socket) {
        msghdr.fill((byte) 0);
        msghdr.set(ValueLayout.ADDRESS, MSG_CONTROL, control);
        msghdr.set(ValueLayout.JAVA_LONG, MSG_CONTROLLEN, CONTROL_BYTES);
        long rc = SocketCalls.recvmsgNonBlocking(socket.fd(), msghdr, MSG_ERRQUEUE | MSG_DONTWAIT);
        if (rc == -Errno.EAGAIN) {
            return false;
        }
        LinuxException.check("recvmsg(MSG_ERRQUEUE)", rc);
        if ((msghdr.get(ValueLayout.JAVA_INT, MSG_FLAGS) & MSG_CTRUNC) != 0) {
            throw new IllegalStateException("recvmsg(MSG_ERRQUEUE): control message truncated");
        }
        long controllen = msghdr.get(ValueLayout.JAVA_LONG, MSG_CONTROLLEN);
        if (controllen < CMSG_DATA_OFFSET + SOCK_EXTENDED_ERR.byteSize()) {
            throw new IllegalStateException("recvmsg(MSG_ERRQUEUE): no sock_extended_err in " + controllen + " bytes");
        }
        int level = control.get(ValueLayout.JAVA_INT, CMSG_LEVEL);
        int type = control.get(ValueLayout.JAVA_INT, CMSG_TYPE);
        // An IPv6 socket's completions come as SOL_IPV6 / IPV6_RECVERR, an IPv4 socket's as SOL_IP / IP_RECVERR.
        boolean recverr = level == SOL_IP && type == IP_RECVERR || level == SOL_IPV6 && type == IPV6_RECVERR;
        if (!recverr || control.get(ValueLayout.JAVA_LONG, CMSG_LEN) > controllen) {
            throw new IllegalStateException("recvmsg(MSG_ERRQUEUE): unexpected control message level "
                    + level + " type " + type);
        }
        // Read at absolute offsets: a slice would allocate on every completion.
        MemorySegment ee = control;
        long at = CMSG_DATA_OFFSET;
        eeErrno = ee.get(ValueLayout.JAVA_INT, at + EE_ERRNO);
        eeOrigin = Byte.toUnsignedInt(ee.get(ValueLayout.JAVA_BYTE, at + EE_ORIGIN));
        eeCode = Byte.toUnsignedInt(ee.get(ValueLayout.JAVA_BYTE, at + EE_CODE));
        eeInfo = ee.get(ValueLayout.JAVA_INT, at + EE_INFO);
        eeData = ee.get(ValueLayout.JAVA_INT, at + EE_DATA);
        if (eeErrno != 0 && eeOrigin != NetConstants.SO_EE_ORIGIN_ZEROCOPY) {
            throw new LinuxException("error queue (origin " + eeOrigin + ")", eeErrno);
        }
        return true;
    }

    public int eeErrno() {
        return eeErrno;
    }

    public int eeOrigin() {
        return eeOrigin;
    }

    public int eeCode() {
        return eeCode;
    }

    /** For a zero-copy completion: the first send id of the range. */
    public int eeInfo() {
        return eeInfo;
    }

    /** For a zero-copy completion: the last send id of the range, inclusive. */
    public int eeData() {
        return eeData;
    }

    @Override
    public void close() {
        arena.close();
    }
}

package zcbench.linux.net;

/** Socket constants, named and valued as in the Linux uapi headers (x86_64). */
public final class NetConstants {
    public static final int AF_INET = 2;
    public static final int AF_INET6 = 10;
    public static final int SOCK_STREAM = 1;
    public static final int SOCK_DGRAM = 2;
    public static final int SOCK_CLOEXEC = 0x80000;
    public static final int IPPROTO_TCP = 6;
    public static final int IPPROTO_UDP = 17;

    public static final int SOL_SOCKET = 1;
    public static final int SOL_IP = 0;
    public static final int SOL_IPV6 = 41;
    public static final int SO_REUSEADDR = 2;
    public static final int SO_SNDBUF = 7;
    public static final int SO_RCVBUF = 8;
    public static final int SO_RCVBUFFORCE = 33;
    public static final int SO_ZEROCOPY = 60;
    public static final int IP_RECVERR = 11;
    public static final int IPV6_RECVERR = 25;

    public static final int MSG_CTRUNC = 0x8;
    public static final int MSG_DONTWAIT = 0x40;
    public static final int MSG_WAITALL = 0x100;
    public static final int MSG_ERRQUEUE = 0x2000;
    public static final int MSG_ZEROCOPY = 0x4000000;

    public static final short POLLIN = 0x1;
    public static final short POLLOUT = 0x4;
    public static final short POLLERR = 0x8;

    /** sock_extended_err.ee_origin of a MSG_ZEROCOPY completion. */
    public static final int SO_EE_ORIGIN_ZEROCOPY = 5;
    /** sock_extended_err.ee_code: the kernel copied the data after all. */
    public static final int SO_EE_CODE_ZEROCOPY_COPIED = 1;

    private NetConstants() {
    }
}

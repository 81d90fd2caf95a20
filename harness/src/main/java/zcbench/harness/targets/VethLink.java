package zcbench.harness.targets;

/**
 * A veth pair from the sender's namespace to another of the topology's, MTU 65535 at both ends (a
 * 65435-byte datagram crosses it whole), each end with its address in one /24 of 198.18.0.0/15 and one
 * /64 of 2001:2::/48. IPv6 is added when a sender first asks for it.
 *
 * @param near  the sender's namespace
 * @param far   the other namespace
 * @param net4  the /24's first three octets, "198.18.1"; ".1" is the sender's end, ".2" the far end
 * @param net6  the /64's prefix, "2001:2:0:1::"; "1" is the sender's end, "2" the far end
 */
record VethLink(String near, String far, String net4, String net6) {
    static final String NEAR_DEVICE = "zcveth0";
    static final String FAR_DEVICE = "zcveth1";
    private static final String MTU = "65535";

    String nearAddress() {
        return net4 + ".1";
    }

    String farAddress() {
        return net4 + ".2";
    }

    String nearAddress6() {
        return net6 + "1";
    }

    String farAddress6() {
        return net6 + "2";
    }

    void build(Commands.Runner run) {
        run.run("ip", "-n", near, "link", "add", NEAR_DEVICE, "type", "veth", "peer", "name", FAR_DEVICE, "netns", far);
        run.run("ip", "-n", near, "link", "set", NEAR_DEVICE, "mtu", MTU, "up");
        run.run("ip", "-n", far, "link", "set", FAR_DEVICE, "mtu", MTU, "up");
        run.run("ip", "-n", near, "addr", "add", nearAddress() + "/24", "dev", NEAR_DEVICE);
        run.run("ip", "-n", far, "addr", "add", farAddress() + "/24", "dev", FAR_DEVICE);
    }

    /** nodad, as on the sink: a tentative address could not be a socket's source for a second. */
    void buildIpv6(Commands.Runner run) {
        run.run("ip", "-n", near, "-6", "addr", "add", nearAddress6() + "/64", "dev", NEAR_DEVICE, "nodad");
        run.run("ip", "-n", far, "-6", "addr", "add", farAddress6() + "/64", "dev", FAR_DEVICE, "nodad");
    }
}

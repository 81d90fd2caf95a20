package zcbench.harness.targets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import zcbench.linux.net.IpVersion;
import zcbench.linux.net.Protocol;

/** Traffic only to loopback and the benchmarking ranges; any other address refused in one sentence. */
class RemoteTargetTest {

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "127.9.8.7", "::1", "198.18.0.0", "198.19.255.255", "2001:2::2",
        "2001:2:0:ffff::1"})
    void loopbackAndTheBenchmarkingRangesAreAllowed(String address) {
        assertNull(RemoteTarget.problem(InetAddress.ofLiteral(address)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"10.0.0.1", "192.168.1.1", "198.17.255.255", "198.20.0.1", "8.8.8.8", "2001:3::1",
        "2001:2:1::1", "2001:db8::1", "fe80::1", "0.0.0.0"})
    void anyOtherAddressIsRefusedSayingWhy(String address) {
        String problem = RemoteTarget.problem(InetAddress.ofLiteral(address));
        assertTrue(problem.startsWith(InetAddress.ofLiteral(address).getHostAddress()
                + " is not an address zcbench sends to: its traffic goes only to loopback (127.0.0.0/8, ::1) or the"
                + " benchmarking ranges 198.18.0.0/15 and 2001:2::/48"), problem);
        assertTrue(problem.endsWith("give the receiving machine an address there"), problem);
    }

    @ParameterizedTest
    @CsvSource({"udp://198.18.0.2:9000, udp, 198.18.0.2, 9000", "tcp://[2001:2::2]:5201, tcp, 2001:2:0:0:0:0:0:2, 5201"})
    void aReceiverIsParsed(String target, String scheme, String address, int port) {
        RemoteTarget t = RemoteTarget.parse(target);
        assertEquals(new RemoteTarget(scheme, InetAddress.ofLiteral(address), port), t);
        assertEquals(target, TargetChoice.check(target));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "udp://10.1.2.3:9        | 10.1.2.3 is not an address zcbench sends to",
        "http://198.18.0.2:9     | target 'http://198.18.0.2:9' is not udp://ADDR:PORT or tcp://ADDR:PORT",
        "udp://198.18.0.2        | target 'udp://198.18.0.2' is not udp://ADDR:PORT",
        "udp://198.18.0.2:9/x    | target 'udp://198.18.0.2:9/x' is not udp://ADDR:PORT",
        "udp://example.org:9     | target udp://example.org:9 names no IP address"})
    void aBadReceiverIsRefused(String target, String message) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TargetChoice.check(target));
        assertTrue(e.getMessage().startsWith(message), e.getMessage());
    }

    /**
     * A receiver takes rows of its address's IP version: a row of the other is refused before it forks, and by
     * openConnected in the fork, in one sentence saying which ip to give.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "udp://127.0.0.1:9000 | udp | 6 | target udp://127.0.0.1:9000 is an IPv4 receiver and the row sends over IPv6:"
            + " give ip=4 or an IPv6 receiver's address (udp://[ADDR]:PORT)",
        "tcp://[2001:2:0:0:0:0:0:2]:9000 | tcp | 4 | target tcp://[2001:2:0:0:0:0:0:2]:9000 is an IPv6 receiver and"
            + " the row sends over IPv4: give ip=6 or an IPv4 receiver's address (tcp://ADDR:PORT)"})
    void aRowOfTheOtherIpVersionIsRefusedInOneSentence(String target, String protocol, String ip, String sentence) {
        Protocol p = Protocol.of(protocol);
        IpVersion other = IpVersion.of(ip);
        assertEquals(sentence, Destination.refusal(target, other, p).orElseThrow());
        IpVersion own = other == IpVersion.V6 ? IpVersion.V4 : IpVersion.V6;
        assertTrue(Destination.refusal(target, own, p).isEmpty(), "the receiver's own version is taken");
        try (Destination remote = Destination.open(target)) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> remote.openConnected(other, p));
            assertEquals(sentence, e.getMessage());
        }
    }
}

package zcbench.harness.cli;

import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import zcbench.harness.targets.PeerNetwork;
import zcbench.linux.net.Protocol;
import zcbench.variants.Stamp;
import zcbench.variants.receive.Receiver;
import zcbench.variants.receive.Totals;

@Command(name = "receive", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Receives what a run sends to udp://ADDR:PORT or tcp://ADDR:PORT (on a second machine, with an"
                + " address in 198.18.0.0/15 or 2001:2::/48), and what the peer target's sender sends: counts packets"
                + " and bytes (a line per second) and checks every stamp, then prints a summary (packets, bytes,"
                + " out-of-order, bad stamps) at the end of --duration or on Ctrl-C.",
            "TCP is a byte stream: it is cut into records of --payload bytes, or of the size the stream's first stamp"
                + " says. The out-of-order count assumes one sender per UDP port (one per TCP connection)."},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {ExitStatus.DONE + ":every record intact (or none received)",
            ExitStatus.FAILED + ":a record was not an intact zcbench stamp",
            ExitStatus.USAGE + ":bad input: the message says what was wrong"})
public final class ReceiveCommand implements Callable<Integer> {
    /** The peer target's receiver address: where a second machine's receiver may be given an address too. */
    static final String DEFAULT_ADDRESS = "198.18.3.2";
    private static final long NANOS_PER_SECOND = 1_000_000_000L;
    private static final double MIB = 1 << 20;

    @Spec
    CommandSpec spec;

    @Option(names = "--protocol", paramLabel = "udp|tcp", defaultValue = "udp",
            description = "What to receive (default: ${DEFAULT-VALUE}).")
    String protocol;

    @Option(names = "--address", paramLabel = "ADDR", defaultValue = DEFAULT_ADDRESS,
            description = "The address to bind, IPv4 or IPv6 (default: ${DEFAULT-VALUE}, the peer target's; the"
                    + " machine must have it).")
    String address;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "" + PeerNetwork.PORT,
            description = "The port to bind; 0 lets the kernel choose (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--payload", paramLabel = "BYTES", defaultValue = "0",
            description = "The size of every record; 0 takes it from each datagram's stamp, or from a TCP stream's"
                    + " first (default: ${DEFAULT-VALUE}).")
    int payload;

    @Option(names = "--duration", paramLabel = "SECONDS", defaultValue = "0",
            description = "Stop after this many seconds; 0 receives until Ctrl-C (default: ${DEFAULT-VALUE}).")
    int durationSeconds;

    @Override
    public Integer call() {
        Protocol p;
        try {
            p = Protocol.of(protocol);
        } catch (IllegalArgumentException e) {
            throw usage("--" + e.getMessage());
        }
        if (payload != 0 && (payload < Stamp.HEADER_BYTES || payload > 1 << 16)) {
            throw usage("--payload " + payload + " is not 0 or in " + Stamp.HEADER_BYTES + "..65536");
        }
        if (durationSeconds < 0 || port < 0 || port > 65535) {
            throw usage("--duration must be 0 or more seconds, and --port in 0..65535");
        }
        InetAddress bindTo;
        try {
            bindTo = InetAddress.ofLiteral(address);
        } catch (IllegalArgumentException e) {
            throw usage("--address '" + address + "' is not an IP address");
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Receiver receiver;
        try {
            receiver = Receiver.bind(p, new InetSocketAddress(bindTo, port), payload);
        } catch (RuntimeException e) {
            err.println("zcbench receive: cannot bind " + address + ":" + port + ": " + e.getMessage()
                    + (address.equals(DEFAULT_ADDRESS) ? "; give this machine the address (e.g. ip addr add "
                    + DEFAULT_ADDRESS + "/24 dev IFACE) or choose another with --address" : ""));
            err.flush();
            return ExitStatus.FAILED;
        }
        return receive(receiver, out, err);
    }

    /** Until the deadline or Ctrl-C, whose hook waits for the summary to be printed. */
    private int receive(Receiver receiver, PrintWriter out, PrintWriter err) {
        CountDownLatch summarised = new CountDownLatch(1);
        Thread onInterrupt = new Thread(() -> {
            receiver.stop();
            try {
                summarised.await(2, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "zcbench-receive-stop");
        Runtime.getRuntime().addShutdownHook(onInterrupt);
        try (receiver) {
            InetSocketAddress at = receiver.address();
            err.println("zcbench receive: " + protocol + " on " + at.getAddress().getHostAddress() + ":" + at.getPort()
                    + (durationSeconds > 0 ? " for " + durationSeconds + " s" : " until Ctrl-C"));
            err.flush();
            long start = System.nanoTime();
            long deadline = durationSeconds > 0 ? start + durationSeconds * NANOS_PER_SECOND : start + Long.MAX_VALUE;
            Totals[] last = {Totals.NONE};
            receiver.run(deadline, now -> {
                out.printf("%d s: %d packets/s, %.1f MB/s; out-of-order %d, bad stamps %d%n",
                        (System.nanoTime() - start) / NANOS_PER_SECOND, now.packets() - last[0].packets(),
                        (now.bytes() - last[0].bytes()) / MIB, now.outOfOrder(), now.badStamps());
                out.flush();
                last[0] = now;
            });
            Totals total = receiver.totals();
            out.println("zcbench receive: " + total.summary());
            out.flush();
            return total.badStamps() == 0 ? ExitStatus.DONE : ExitStatus.FAILED;
        } finally {
            summarised.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(onInterrupt);
            } catch (IllegalStateException alreadyShuttingDown) {
                // The hook runs: it waits for the summary just printed.
            }
        }
    }

    private ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }
}

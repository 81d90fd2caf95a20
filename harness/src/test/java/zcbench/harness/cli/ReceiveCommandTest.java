package zcbench.harness.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import zcbench.variants.Stamp;

/** zcbench receive: a line per second, and the summary at the end of --duration. */
class ReceiveCommandTest {
    private static final Pattern LISTENING = Pattern.compile("(udp|tcp) on (\\S+):(\\d+) for");
    private static final int PAYLOAD = 1200;
    private static final int RECORDS = 50;

    @ParameterizedTest
    @CsvSource({"udp, 127.0.0.1, 0", "tcp, ::1, 0", "tcp, 127.0.0.1, 1200"})
    void countsChecksAndSummarises(String protocol, String address, int payload) throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CompletableFuture<Integer> code = CompletableFuture.supplyAsync(() -> ZcbenchCommand.commandLine()
                .setOut(new PrintWriter(out)).setErr(new PrintWriter(err))
                .execute("receive", "--protocol", protocol, "--address", address, "--port", "0", "--payload",
                        "" + payload, "--duration", "2"));
        Matcher m = LISTENING.matcher("");
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!m.reset(err.toString()).find() && System.nanoTime() - deadline < 0) {
            Thread.sleep(10);
        }
        assertTrue(m.find(0), err.toString());
        InetSocketAddress at = new InetSocketAddress(m.group(2), Integer.parseInt(m.group(3)));
        byte[] all = new byte[RECORDS * PAYLOAD];
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment buf = arena.allocate(PAYLOAD);
            Stamp.prepare(buf, PAYLOAD);
            for (int i = 0; i < RECORDS; i++) {
                Stamp.sequence(buf, i);
                MemorySegment.copy(buf, ValueLayout.JAVA_BYTE, 0, all, i * PAYLOAD, PAYLOAD);
            }
        }
        if (protocol.equals("udp")) {
            try (DatagramChannel c = DatagramChannel.open()) {
                c.connect(at);
                for (int i = 0; i < RECORDS; i++) {
                    c.write(ByteBuffer.wrap(all, i * PAYLOAD, PAYLOAD));
                }
            }
        } else {
            try (Socket s = new Socket(at.getAddress(), at.getPort())) {
                OutputStream o = s.getOutputStream();
                o.write(all);
            }
        }
        assertEquals(0, code.get(20, TimeUnit.SECONDS), err.toString());
        String printed = out.toString();
        assertTrue(printed.contains("1 s: "), printed);
        assertTrue(printed.endsWith("zcbench receive: packets " + RECORDS + ", bytes " + RECORDS * PAYLOAD
                + ", out-of-order 0, bad stamps 0" + System.lineSeparator()), printed);
    }
}

package zcbench.variants.receive;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.List;

import zcbench.variants.Stamp;

/**
 * TCP for {@link Receiver}: every connection is a byte stream of stamped records, cut back into records
 * of the payload size, which is given or read from the stream's first stamp header. Each connection
 * has its own sequence (a sender's socket numbers its own records). A stream that ends inside a record
 * counts that part as a bad record: bytes after a sender's last whole record are an error, not noise.
 */
final class TcpLoop implements Receiver.Loop, AutoCloseable {
    /** The largest record: a UDP payload; TCP senders send the same sizes. */
    private static final int MAX_RECORD = 1 << 16;

    private final Selector selector;
    private final int payload;
    private final List<Stream> streams = new ArrayList<>();
    private int ended;

    TcpLoop(ServerSocketChannel server, int payload) {
        this.payload = payload;
        try {
            selector = Selector.open();
            server.register(selector, SelectionKey.OP_ACCEPT);
        } catch (IOException e) {
            throw new UncheckedIOException("TCP receiver", e);
        }
    }

    @Override
    public void step(int millis) {
        try {
            if (selector.select(millis) == 0) {
                return;
            }
            for (SelectionKey key : selector.selectedKeys()) {
                if (key.isAcceptable()) {
                    SocketChannel c = ((ServerSocketChannel) key.channel()).accept();
                    if (c != null) {
                        c.configureBlocking(false);
                        Stream s = new Stream(c, payload);
                        synchronized (this) {
                            streams.add(s);
                        }
                        c.register(selector, SelectionKey.OP_READ, s);
                    }
                } else if (key.isReadable() && !((Stream) key.attachment()).read()) {
                    key.cancel();
                    key.channel().close();
                    synchronized (this) {
                        ended++;
                    }
                }
            }
            selector.selectedKeys().clear();
        } catch (IOException e) {
            throw new UncheckedIOException("TCP receiver", e);
        }
    }

    synchronized Totals totals() {
        return streams.stream().map(s -> s.check.totals()).reduce(Totals.NONE, Totals::plus);
    }

    synchronized int streamsEnded() {
        return ended;
    }

    @Override
    public void close() {
        try {
            for (SelectionKey k : selector.keys()) {
                if (k.channel() instanceof SocketChannel c) {
                    c.close();
                }
            }
            selector.close();
        } catch (IOException e) {
            throw new UncheckedIOException("closing the TCP receiver", e);
        }
    }

    /** One connection: a record being put together from what the stream has given so far. */
    private static final class Stream {
        private final SocketChannel channel;
        private final ByteBuffer record = ByteBuffer.allocateDirect(MAX_RECORD);
        private final MemorySegment segment = MemorySegment.ofBuffer(record);
        final StampCheck check;
        /** The record size: given, or learned from the first header; 0 until then. */
        private int size;

        Stream(SocketChannel channel, int payload) {
            this.channel = channel;
            this.check = new StampCheck(payload);
            this.size = payload;
            record.limit(size > 0 ? size : Stamp.HEADER_BYTES);
        }

        /** Reads what is there; false at the end of the stream or when it cannot be cut into records. */
        boolean read() throws IOException {
            while (true) {
                int n = channel.read(record);
                if (n < 0) {
                    if (record.position() > 0) {
                        check.truncated(record.position());
                    }
                    return false;
                }
                if (record.hasRemaining()) {
                    return true;
                }
                if (size == 0) {
                    int claimed = Stamp.payloadOf(segment);
                    if (claimed < Stamp.HEADER_BYTES || claimed > MAX_RECORD) {
                        // No record boundary can be told from here on: the stream's first header is not a stamp.
                        check.record(segment, Stamp.HEADER_BYTES);
                        return false;
                    }
                    size = claimed;
                    record.limit(size);
                    continue;
                }
                check.record(segment, size);
                record.clear().limit(size);
            }
        }
    }
}

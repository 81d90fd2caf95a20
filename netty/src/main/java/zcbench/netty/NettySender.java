package zcbench.netty;

import java.nio.ByteBuffer;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.uring.IoUringChannelOption;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.Future;

import zcbench.linux.Teardown;
import zcbench.variants.AbstractSender;
import zcbench.variants.PayloadPool;
import zcbench.variants.SendConfig;
import zcbench.variants.SocketLoop;
import zcbench.variants.Stamp;
import zcbench.variants.spi.Endpoint;
import zcbench.vocabulary.Knob;
import zcbench.vocabulary.Knobs;

/**
 * One netty channel on an event loop of one thread, connected in the endpoint's namespace. An operation hands
 * {@code batch} packets to the event loop in one task, which writes them and flushes, and waits until every
 * write's future has completed: only packets netty reports written are counted (docs/ARCHITECTURE.md, "The JVM
 * rows"). The packets are ByteBufs over the pool's buffers, so netty writes zcbench's memory without a copy of
 * its own, as a netty program writes its direct buffers.
 */
final class NettySender extends AbstractSender {
    /** How long one batch, a set-up step or the close may take before the row fails. */
    static final long LIMIT_SECONDS = 30;
    /** How long a thread waiting for a released buffer sleeps between looks: it is not on the sending CPU. */
    private static final long POLL_NANOS = 20_000;

    private final NettyTransport transport;
    private final EventLoopGroup group;
    private final Channel channel;
    /** The pool's buffers as ByteBuffers of one packet each, by slot. */
    private final ByteBuffer[] views;
    /** Slots whose ByteBuf netty has released, filled on the event loop, given back to the pool on this thread. */
    private final Queue<Integer> released = new ConcurrentLinkedQueue<>();
    /** Buffers netty still holds. */
    private int held;
    /** The slots of the batch in flight. */
    private final int[] slots;
    private final Semaphore written = new Semaphore(0);
    private final Runnable writeBatch = this::writeBatch;
    private final ChannelFutureListener onWritten = this::onWritten;
    /** The first failed write's cause, reported by the batch that waits for it. */
    private volatile Throwable failure;
    private long sequence;

    /** Opens the event loop and the connected channel; on failure closes what it opened. */
    /**
     * Buffers a row with verify needs, for both transports' providers: a batch's writes are queued before any is
     * sent, and a buffer comes back only when netty releases it (after a zero-copy send's notification): two
     * batches' worth, so that the next batch need not wait for the last one's.
     */
    static int verifySlots(SendConfig config) {
        return 2 * config.batch();
    }

    NettySender(SendConfig config, Endpoint endpoint, NettyTransport transport) {
        super(config);
        this.transport = transport;
        transport.ensureAvailable();
        PayloadPool p = null;
        EventLoopGroup g = null;
        Channel c = null;
        try {
            p = PayloadPool.of(config);
            // The event loop's thread starts here, on the calling thread, which it takes its CPU affinity from,
            // and outside the target's namespace: only the channel's socket is made in there.
            g = new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory("zcbench-" + config.variant().id(), true),
                    transport.handlers());
            await(g.submit(() -> { }), "starting the event loop thread");
            EventLoopGroup loop = g;
            c = endpoint.openIn(() -> connect(loop, endpoint));
        } catch (RuntimeException e) {
            RuntimeException said = LockedMemory.explain(e, transport);
            new Teardown().step(closing(c)).step(stopping(g)).close(p).doneAfter(said);
            throw said;
        } catch (Error e) {
            new Teardown().step(closing(c)).step(stopping(g)).close(p).doneAfter(e);
            throw e;
        }
        this.pool = p;
        this.group = g;
        this.channel = c;
        this.views = new ByteBuffer[pool.size()];
        for (int i = 0; i < views.length; i++) {
            views[i] = pool.buffer(i).asSlice(0, config.payload()).asByteBuffer();
        }
        this.slots = new int[config.batch()];
    }

    /**
     * Makes the channel on this thread (its socket in this thread's namespace), then registers and connects it
     * on the event loop.
     */
    private Channel connect(EventLoopGroup loop, Endpoint endpoint) {
        Channel made = transport.newChannel(endpoint.protocol(), endpoint.ip());
        Bootstrap b = new Bootstrap().group(loop).channelFactory(() -> made)
                .option(ChannelOption.SO_SNDBUF, SocketLoop.SNDBUF_BYTES)
                // Nothing comes back from a sink or a discard; an error netty meets closes the channel, and its
                // cause is what the batch that waits then reports.
                .handler(new ChannelInboundHandlerAdapter() {
                    @Override
                    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
                        if (failure == null) {
                            failure = cause;
                        }
                        ctx.close();
                    }
                });
        if (transport == NettyTransport.IO_URING && !config.value(Knobs.ZC_THRESHOLD).equals(Knob.OffOrRange.OFF)) {
            b.option(IoUringChannelOption.IO_URING_WRITE_ZERO_COPY_THRESHOLD,
                    Integer.parseInt(config.value(Knobs.ZC_THRESHOLD)));
        }
        try {
            await(b.connect(endpoint.address()), "connecting to " + endpoint.address());
        } catch (RuntimeException e) {
            new Teardown().step(closing(made)).doneAfter(e);
            throw e;
        }
        return made;
    }

    @Override
    public void sendBatch() {
        int batch = config.batch();
        for (int i = 0; i < batch; i++) {
            int slot = acquire(i);
            if (config.verify()) {
                Stamp.sequence(pool.buffer(slot), sequence + i);
            }
            slots[i] = slot;
        }
        channel.eventLoop().execute(writeBatch);
        try {
            if (!written.tryAcquire(batch, LIMIT_SECONDS, TimeUnit.SECONDS)) {
                throw new IllegalStateException("netty: " + (batch - written.availablePermits()) + " of " + batch
                        + " writes of a batch not completed within " + LIMIT_SECONDS + " s on " + channel);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("netty: interrupted while " + batch + " writes were outstanding", e);
        }
        Throwable failed = failure;
        if (failed != null) {
            throw new IllegalStateException("netty: a write failed on " + channel + ": " + failed, failed);
        }
        sequence += batch;
        counters.packets += batch;
        counters.bytes += (long) batch * config.payload();
    }

    /**
     * A free buffer for packet {@code i} of a batch: with verify, one netty has released, waited for as long as a
     * batch may take; without, the one unchanging buffer, which netty may read as often and as late as it likes.
     */
    private int acquire(int i) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(LIMIT_SECONDS);
        while (true) {
            giveBack();
            int slot = pool.acquire();
            if (slot >= 0) {
                held++;
                return slot;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("netty: no buffer released within " + LIMIT_SECONDS + " s for packet " + i
                        + " of a batch of " + config.batch() + "; netty still holds " + held + " of " + pool.size());
            }
            LockSupport.parkNanos(POLL_NANOS);
        }
    }

    /** The buffers netty released since last asked, back in the pool. */
    private void giveBack() {
        for (Integer slot = released.poll(); slot != null; slot = released.poll()) {
            pool.release(slot);
            held--;
        }
    }

    /** On the event loop: the batch's packets written and flushed, each counted when its future completes. */
    private void writeBatch() {
        for (int i = 0; i < config.batch(); i++) {
            int slot = slots[i];
            channel.write(new PacketBuf(views[slot], slot, released), channel.newPromise().addListener(onWritten));
        }
        channel.flush();
    }

    private void onWritten(ChannelFuture f) {
        if (!f.isSuccess() && failure == null) {
            failure = f.cause();
        }
        written.release();
    }

    /**
     * Waits until netty has released every buffer, after a zero-copy send once the kernel's notification came: only
     * then may the pool's memory be written again or freed.
     */
    @Override
    public void drain() {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(LIMIT_SECONDS);
        giveBack();
        while (held > 0) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("netty: " + held + " buffers not released within " + LIMIT_SECONDS
                        + " s of their writes' futures");
            }
            LockSupport.parkNanos(POLL_NANOS);
            giveBack();
        }
    }

    @Override
    public boolean sendsOnCallingThread() {
        return false;
    }

    @Override
    public void onSendingThread(Runnable task) {
        await(group.submit(task), "a task on the event loop thread");
    }

    @Override
    public void close() {
        new Teardown().step(this::drain).step(closing(channel)).step(stopping(group)).close(pool).done();
    }

    private static Runnable closing(Channel c) {
        return () -> {
            if (c != null) {
                await(c.close(), "closing the channel");
            }
        };
    }

    private static Runnable stopping(EventLoopGroup g) {
        return () -> {
            if (g != null) {
                await(g.shutdownGracefully(0, 0, TimeUnit.SECONDS), "stopping the event loop");
            }
        };
    }

    /** Waits for {@code f} at most {@link #LIMIT_SECONDS}, and fails with what it was and why. */
    static void await(Future<?> f, String what) {
        try {
            f.get(LIMIT_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            throw new IllegalStateException("netty: " + what + " did not finish within " + LIMIT_SECONDS + " s", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("netty: " + what + " failed: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("netty: interrupted while " + what, e);
        }
    }
}

package org.apptrack.syslog.transport;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.socket.nio.NioDatagramChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslHandler;
import io.netty.util.AttributeKey;
import io.netty.util.concurrent.Future;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.security.GeneralSecurityException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apptrack.syslog.api.LogRecord;
import org.apptrack.syslog.api.LogStreamState;
import org.apptrack.syslog.format.SyslogFormatter;
import org.apptrack.syslog.settings.LogStreamSettings;
import org.apptrack.syslog.settings.TransportKind;

/**
 * UDP, TCP and TLS delivery on Netty. TCP and TLS reconnect with exponential backoff; while the
 * receiver is away, records wait in the stream's bounded queue. Records written to a connection
 * that breaks before they reach the kernel are counted as dropped.
 */
public final class NettyStreamTransport implements StreamTransport {

    /** Records encoded into one buffer and written with one promise. */
    private static final int BATCH = 256;
    /** How long records may wait for company before a drain; far below any syslog latency concern. */
    private static final long DRAIN_DELAY_MICROS = 1000;
    /** Records written before yielding the event loop to other streams. */
    private static final int MAX_RECORDS_PER_DRAIN = 16 * BATCH;
    private static final int CONNECT_TIMEOUT_MILLIS = 5000;
    private static final int TLS13_SETTLE_MILLIS = 250;
    /** The first failure seen on a connection, reported when it closes. */
    private static final AttributeKey<Throwable> FAILURE = AttributeKey.valueOf(NettyStreamTransport.class, "failure");
    private static final WriteBufferWaterMark WATER_MARK = new WriteBufferWaterMark(256 * 1024, 1024 * 1024);

    private final LogStreamSettings settings;
    private final EventLoop loop;
    private final SslContext sslContext;
    private final AtomicBoolean drainPending = new AtomicBoolean();
    private final Runnable drainTask = this::drain;
    private final LogRecordBatch batch = new LogRecordBatch(BATCH);

    private DeliveryQueue stream;
    private volatile Channel channel;
    private volatile boolean stopped;
    private long backoffMillis;
    private boolean firstAttempt = true;

    /**
     * @throws IOException when the TLS material cannot make a context (checked at configuration)
     */
    public NettyStreamTransport(LogStreamSettings settings, EventLoopGroup group) throws IOException {
        this.settings = settings;
        this.loop = group.next();
        this.backoffMillis = settings.reconnectMinMillis();
        if (settings.transport() == TransportKind.TLS) {
            try {
                this.sslContext = TlsContexts.clientContext(settings.tls());
            } catch (GeneralSecurityException e) {
                throw new IOException("TLS setup failed: " + e.getMessage(), e);
            }
        } else {
            this.sslContext = null;
        }
    }

    @Override
    public void start(DeliveryQueue queue) {
        this.stream = queue;
        loop.execute(this::connect);
    }

    @Override
    public void recordsAvailable() {
        if (channel != null && drainPending.compareAndSet(false, true)) {
            // Coalesce: waking the event loop costs a system call, so records that arrive within
            // the next DRAIN_DELAY go out with this one in one batch and one write.
            loop.schedule(drainTask, DRAIN_DELAY_MICROS, TimeUnit.MICROSECONDS);
        }
    }

    @Override
    public void stop() {
        stopped = true;
        Channel ch = channel;
        if (ch != null) {
            ch.close().awaitUninterruptibly(2, TimeUnit.SECONDS);
        }
    }

    private void connect() {
        if (stopped) {
            return;
        }
        if (!firstAttempt) {
            stream.countReconnect();
        }
        firstAttempt = false;
        stream.state(LogStreamState.CONNECTING);
        Bootstrap bootstrap = new Bootstrap().group(loop)
                .option(ChannelOption.WRITE_BUFFER_WATER_MARK, WATER_MARK)
                .handler(new Initializer());
        ChannelFuture future;
        if (settings.transport() == TransportKind.UDP) {
            bootstrap.channel(NioDatagramChannel.class);
            future = bootstrap.bind(settings.local() != null ? settings.local() : new InetSocketAddress(0));
        } else {
            bootstrap.channel(NioSocketChannel.class)
                    .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, CONNECT_TIMEOUT_MILLIS)
                    .option(ChannelOption.SO_KEEPALIVE, true)
                    .option(ChannelOption.TCP_NODELAY, true);
            future = settings.local() != null
                    ? bootstrap.connect(settings.remote(), settings.local())
                    : bootstrap.connect(settings.remote());
        }
        future.addListener((ChannelFutureListener) f -> {
            if (!f.isSuccess()) {
                stream.countError(f.cause());
                scheduleReconnect();
                return;
            }
            Channel ch = f.channel();
            ch.closeFuture().addListener(closed -> connectionClosed(ch));
            SslHandler ssl = ch.pipeline().get(SslHandler.class);
            if (ssl == null) {
                connectionUp(ch);
            } else {
                ssl.handshakeFuture().addListener(hs -> {
                    if (hs.isSuccess() && "TLSv1.3".equals(ssl.engine().getSession().getProtocol())) {
                        // In TLS 1.3 the client finishes its handshake before the server has checked
                        // the client's certificate; a server that refuses it only closes afterwards.
                        // Wait that long before sending, so records are not written into a refused
                        // connection and counted as sent.
                        loop.schedule(() -> {
                            if (ch.isActive()) {
                                connectionUp(ch);
                            }
                        }, TLS13_SETTLE_MILLIS, TimeUnit.MILLISECONDS);
                    } else if (hs.isSuccess()) {
                        connectionUp(ch);
                    } else {
                        ch.attr(FAILURE).setIfAbsent(hs.cause());
                        ch.close();
                    }
                });
            }
        });
    }

    private void connectionUp(Channel ch) {
        if (stopped) {
            ch.close();
            return;
        }
        channel = ch;
        backoffMillis = settings.reconnectMinMillis();
        stream.state(LogStreamState.UP);
        drain();
    }

    /** One error per lost connection: its first failure, or the bare fact that it closed. */
    private void connectionClosed(Channel ch) {
        boolean wasUp = channel == ch;
        if (wasUp) {
            channel = null;
        }
        if (stopped) {
            return;
        }
        Throwable failure = ch.attr(FAILURE).get();
        stream.countError(failure != null ? failure : new IOException("connection to " + settings.destination()
                + (wasUp ? " closed" : " closed by the receiver before it was ready")));
        scheduleReconnect();
    }

    private void scheduleReconnect() {
        if (stopped) {
            return;
        }
        stream.state(LogStreamState.CONNECTING);
        long delay = backoffMillis;
        backoffMillis = Math.min(backoffMillis * 2, settings.reconnectMaxMillis());
        loop.schedule(this::connect, delay, TimeUnit.MILLISECONDS);
    }

    private void drain() {
        drainPending.set(false);
        Channel ch = channel;
        if (ch == null || !ch.isActive()) {
            return;
        }
        int written = 0;
        while (written < MAX_RECORDS_PER_DRAIN && ch.isWritable()) {
            batch.clear();
            LogRecord record;
            while (!batch.isFull() && (record = stream.poll()) != null) {
                batch.add(record);
            }
            int n = batch.size();
            if (n == 0) {
                break;
            }
            // On the event loop the encoders consume the batch before writeAndFlush returns.
            ch.writeAndFlush(batch, ch.newPromise().addListener(f -> batchDone(f, n)));
            written += n;
        }
        batch.clear();
        if (written >= MAX_RECORDS_PER_DRAIN && ch.isWritable() && stream.hasQueued()
                && drainPending.compareAndSet(false, true)) {
            loop.execute(drainTask); // yield to the other streams on this event loop
        }
    }

    private void batchDone(Future<? super Void> future, int records) {
        if (future.isSuccess()) {
            stream.countSent(records);
        } else {
            stream.countDropped(records);
            stream.countError(future.cause());
        }
    }

    /** Builds each new channel's pipeline: [TLS] -> framing or datagram -> record encoder. */
    private final class Initializer extends ChannelInitializer<Channel> {
        @Override
        protected void initChannel(Channel ch) {
            ChannelPipeline p = ch.pipeline();
            SyslogFormatter formatter = SyslogFormatter.create(settings.format());
            if (settings.transport() == TransportKind.UDP) {
                p.addLast(new DatagramBatchEncoder(formatter, settings.remote()));
            } else {
                if (sslContext != null) {
                    p.addLast(TlsContexts.newHandler(sslContext, ch.alloc(), settings.host(),
                            settings.remote().getPort(), settings.tls().verifyHostname()));
                }
                p.addLast(DiscardInboundHandler.INSTANCE);
                p.addLast(new StreamFrameEncoder(formatter, settings.framing()));
            }
            p.addLast(new WritabilityHandler());
        }
    }

    /** Resumes draining when the socket's buffer empties; counts errors the pipeline raises. */
    private final class WritabilityHandler extends ChannelInboundHandlerAdapter {
        @Override
        public void channelWritabilityChanged(ChannelHandlerContext ctx) {
            if (ctx.channel().isWritable()) {
                drain();
            }
            ctx.fireChannelWritabilityChanged();
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            if (settings.transport() == TransportKind.UDP) {
                stream.countError(cause);
                return;
            }
            // Counted once, when the connection closes.
            ctx.channel().attr(FAILURE).setIfAbsent(cause);
            ctx.close();
        }
    }
}

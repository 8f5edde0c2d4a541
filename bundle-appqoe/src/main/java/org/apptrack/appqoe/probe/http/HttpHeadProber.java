package org.apptrack.appqoe.probe.http;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.ssl.SslProvider;
import io.netty.util.concurrent.Future;
import io.netty.util.concurrent.ScheduledFuture;
import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import org.apptrack.appqoe.probe.Dscp;
import org.apptrack.appqoe.probe.ProbeResultListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * HTTP HEAD probes of one path ({@code probe-type http head}): a HEAD request every interval on
 * one kept-alive HTTP/1.1 connection, bound to the path's source address and marked with the
 * probe's DSCP. Each answered request reports its round-trip time, request written to response
 * head received, through {@link ProbeResultListener#onRoundTrip}; connection setup is not part of
 * it, because the round trip of the HEAD exchange is what the SRX reports and a new TCP (and later
 * TLS) handshake on every reconnect would make RTT samples of two kinds.
 *
 * <p>A probe is lost when no response came within the loss timeout, when its connection closed
 * first, or when there is no connection to send it on. Responses come in request order, so a
 * request that timed out closes its connection (a late response would answer the wrong probe);
 * the next probe reconnects. After a failed connection attempt the next waits one interval,
 * doubling up to {@link #MAX_RECONNECT_BACKOFF_NANOS} (or the interval, if longer): probes due
 * meanwhile are lost without an attempt, so a dead server costs at most one attempt per interval.
 *
 * <p>An https target is probed over TLS with the JDK's {@link SSLEngine} (Netty's
 * {@link SslHandler}), verifying the server's certificate and host name; the connection counts as
 * up once the handshake is done, so the handshake is connection setup and not in the RTT.
 *
 * <p>All state lives on one event loop of the group; the listener is called on it.
 */
public final class HttpHeadProber {

    private static final Logger log = LoggerFactory.getLogger(HttpHeadProber.class);
    static final long MAX_RECONNECT_BACKOFF_NANOS = TimeUnit.SECONDS.toNanos(8);
    private static final long MIN_LOSS_CHECK_NANOS = TimeUnit.MILLISECONDS.toNanos(1);
    private static final String USER_AGENT = "AppTrack-AppQoE-probe";
    /** A HEAD request is a few hundred bytes; more unsent than this means the socket is stuck. */
    private static final WriteBufferWaterMark SEND_QUEUE = new WriteBufferWaterMark(8 * 1024, 16 * 1024);

    private final EventLoopGroup group;
    private final HttpProbeSettings settings;
    private final ProbeResultListener listener;
    private final HttpProbeCounters counters = new HttpProbeCounters();
    private final AtomicInteger openConnections = new AtomicInteger();
    private final PendingRequests pending;
    private final long intervalNanos;
    private final long lossTimeoutNanos;

    private SslContext tls;
    private EventLoop loop;
    private Bootstrap bootstrap;
    private InetSocketAddress remote;
    private volatile boolean running;
    private ScheduledFuture<?> probes;
    private ScheduledFuture<?> lossCheck;

    // Event-loop state.
    private volatile Channel channel;
    private boolean connected;
    private long nextSequence;
    private long backoffNanos;
    private long reconnectNotBefore;
    private long lastReadNanos;

    public HttpHeadProber(EventLoopGroup group, HttpProbeSettings settings, ProbeResultListener listener) {
        this(group, settings, listener, null);
    }

    /** With the TLS client context for an https target (null: the JVM's trusted authorities). */
    HttpHeadProber(EventLoopGroup group, HttpProbeSettings settings, ProbeResultListener listener, SslContext tls) {
        this.tls = tls;
        this.group = Objects.requireNonNull(group, "group");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.listener = Objects.requireNonNull(listener, "listener");
        pending = new PendingRequests(settings.maxOutstanding());
        intervalNanos = settings.interval().toNanos();
        lossTimeoutNanos = settings.lossTimeout().toNanos();
    }

    /**
     * Resolves the target (once: the address of the source's IP family) and starts probing; the
     * first connection is made when the first probe is due. Fails when the target has no address
     * of that family.
     */
    public synchronized void start() throws IOException {
        if (running) {
            return;
        }
        remote = new InetSocketAddress(resolve(), settings.port());
        if (settings.tls() && tls == null) {
            tls = clientTls();
        }
        loop = group.next();
        bootstrap = new Bootstrap().group(loop)
                .channelFactory(NioSocketChannel::new)
                .option(ChannelOption.IP_TOS, Dscp.toTos(settings.dscp()))
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS,
                        (int) Math.max(1, Math.min(Integer.MAX_VALUE, settings.lossTimeout().toMillis())))
                .option(ChannelOption.WRITE_BUFFER_WATER_MARK, SEND_QUEUE)
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline().addLast(new ArrivalStamp());
                        if (settings.tls()) {
                            ch.pipeline().addLast(tlsHandler(ch));
                        }
                        ch.pipeline().addLast(new HttpClientCodec(), new ResponseHandler());
                    }
                });
        running = true;
        // A random phase, so that paths started together do not probe at one instant.
        long phase = ThreadLocalRandom.current().nextLong(intervalNanos);
        long checkNanos = Math.max(MIN_LOSS_CHECK_NANOS, Math.min(lossTimeoutNanos / 4, intervalNanos));
        probes = loop.scheduleAtFixedRate(this::probe, phase, intervalNanos, TimeUnit.NANOSECONDS);
        lossCheck = loop.scheduleAtFixedRate(this::expireLost, checkNanos, checkNanos, TimeUnit.NANOSECONDS);
    }

    /**
     * Stops probing and closes the connection, waiting until it is closed; probes still
     * outstanding are not reported. Not to be called on the prober's event loop.
     */
    public synchronized void stop() {
        if (!running) {
            return;
        }
        running = false;
        probes.cancel(false);
        lossCheck.cancel(false);
        Future<Channel> closing = loop.submit(() -> {
            Channel open = channel;
            channel = null;
            connected = false;
            while (!pending.isEmpty()) {
                pending.removeHead();
            }
            if (open != null) {
                open.close();
            }
            return open;
        });
        Channel closed = closing.awaitUninterruptibly().getNow();
        if (closed != null) {
            closed.closeFuture().awaitUninterruptibly();
        }
    }

    public HttpProbeCounters counters() {
        return counters;
    }

    public HttpProbeSettings settings() {
        return settings;
    }

    /** Connections open or being opened: at most one while running, none once stopped. */
    public int openConnections() {
        return openConnections.get();
    }

    /** The current connection, for tests that read its options back; null when there is none. */
    Channel channel() {
        return channel;
    }

    private static SslContext clientTls() throws SSLException {
        return SslContextBuilder.forClient().sslProvider(SslProvider.JDK).build();
    }

    private SslHandler tlsHandler(SocketChannel ch) {
        SslHandler handler = tls.newHandler(ch.alloc(), settings.host(), settings.port());
        SSLEngine engine = handler.engine();
        SSLParameters parameters = engine.getSSLParameters();
        parameters.setEndpointIdentificationAlgorithm("HTTPS");
        engine.setSSLParameters(parameters);
        handler.setHandshakeTimeoutMillis(Math.max(1, settings.lossTimeout().toMillis()));
        handler.handshakeFuture().addListener(f -> connectDone(ch, f));
        return handler;
    }

    private InetAddress resolve() throws UnknownHostException {
        boolean v6 = settings.sourceAddress() instanceof Inet6Address;
        for (InetAddress address : InetAddress.getAllByName(settings.host())) {
            if ((address instanceof Inet6Address) == v6) {
                return address;
            }
        }
        throw new UnknownHostException("target host " + settings.host() + " of path " + settings.pathId()
                + " has no IPv" + (v6 ? "6" : "4") + " address, the family of source address "
                + settings.sourceAddress().getHostAddress());
    }

    private void probe() {
        if (!running) {
            return;
        }
        long sequence = nextSequence;
        nextSequence = (sequence + 1) & 0xFFFF_FFFFL;
        if (pending.isFull()) {
            counters.suppressed.incrementAndGet();
            return;
        }
        long now = System.nanoTime();
        if (channel == null) {
            if (now - reconnectNotBefore < 0) {
                reportLost(sequence);
                return;
            }
            connect();
        }
        pending.add(sequence, now + lossTimeoutNanos);
        if (connected) {
            sendWaiting();
        }
    }

    private void connect() {
        ChannelFuture connecting = bootstrap.connect(remote, new InetSocketAddress(settings.sourceAddress(), 0));
        Channel opening = connecting.channel();
        channel = opening;
        connected = false;
        openConnections.incrementAndGet();
        opening.closeFuture().addListener(f -> {
            openConnections.decrementAndGet();
            connectionClosed(opening);
        });
        // Over TLS the connection is up once the handshake is done (tlsHandler listens for it);
        // a failed connect is reported here either way, the first report wins.
        connecting.addListener(f -> {
            if (!settings.tls() || !f.isSuccess()) {
                connectDone(opening, f);
            }
        });
    }

    private void connectDone(Channel opening, Future<?> result) {
        if (opening != channel) {
            return;
        }
        if (result.isSuccess()) {
            connected = true;
            backoffNanos = 0;
            counters.connects.incrementAndGet();
            sendWaiting();
            return;
        }
        counters.connectFailures.incrementAndGet();
        backoffNanos = backoffNanos == 0 ? intervalNanos
                : Math.min(backoffNanos * 2, Math.max(intervalNanos, MAX_RECONNECT_BACKOFF_NANOS));
        reconnectNotBefore = System.nanoTime() + backoffNanos;
        log.debug("HTTP probe of path {}: cannot connect to {}: {}", settings.pathId(), remote,
                result.cause() == null ? "closed" : result.cause().toString());
        dropConnection();
        opening.close();
    }

    /** The connection closed (by the server, an error or us): its probes can no longer be answered. */
    private void connectionClosed(Channel closed) {
        if (closed == channel) {
            dropConnection();
        }
    }

    private void dropConnection() {
        channel = null;
        connected = false;
        while (!pending.isEmpty()) {
            long sequence = pending.headSequence();
            pending.removeHead();
            reportLost(sequence);
        }
    }

    private void sendWaiting() {
        Channel open = channel;
        for (int i = pending.firstUnsent(); i < pending.size(); i++) {
            if (!open.isWritable()) {
                // Left unsent: lost by their deadline.
                return;
            }
            FullHttpRequest request = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.HEAD,
                    settings.requestTarget(), Unpooled.EMPTY_BUFFER);
            request.headers().set(HttpHeaderNames.HOST, settings.hostHeader())
                    .set(HttpHeaderNames.USER_AGENT, USER_AGENT)
                    .set(HttpHeaderNames.ACCEPT, "*/*")
                    .set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE);
            open.writeAndFlush(request, open.voidPromise());
            if (channel != open) {
                // The write failed and closed the connection; its probes are reported lost.
                return;
            }
            pending.markSent(i, System.nanoTime());
            counters.sent.incrementAndGet();
        }
    }

    private void expireLost() {
        long now = System.nanoTime();
        boolean timedOut = false;
        while (!pending.isEmpty() && pending.headDeadline() - now <= 0) {
            timedOut |= pending.headSent();
            long sequence = pending.headSequence();
            pending.removeHead();
            reportLost(sequence);
        }
        Channel open = channel;
        if (timedOut && open != null) {
            // Its response may still come and would be taken for the next probe's.
            dropConnection();
            open.close();
        }
    }

    private void answered(HttpResponse response) {
        if (pending.isEmpty() || !pending.headSent()) {
            // A response to no request of ours: the connection is out of step.
            log.debug("HTTP probe of path {}: unexpected response {}", settings.pathId(), response.status());
            Channel open = channel;
            dropConnection();
            if (open != null) {
                open.close();
            }
            return;
        }
        long sequence = pending.headSequence();
        long rttNanos = lastReadNanos - pending.headSentNanos();
        pending.removeHead();
        counters.answered.incrementAndGet();
        if (response.status().code() >= 400) {
            counters.errorStatus.incrementAndGet();
        }
        try {
            listener.onRoundTrip(settings.pathId(), sequence, rttNanos);
        } catch (RuntimeException e) {
            log.warn("probe listener failed on HTTP probe {} of path {}", sequence, settings.pathId(), e);
        }
    }

    private void reportLost(long sequence) {
        counters.lost.incrementAndGet();
        try {
            listener.onLost(settings.pathId(), sequence);
        } catch (RuntimeException e) {
            log.warn("probe listener failed on lost HTTP probe {} of path {}", sequence, settings.pathId(), e);
        }
    }

    /**
     * Notes when bytes arrived, before the codec parses them: the response's RTT ends when the
     * bytes that complete its head arrived, not after decoding.
     */
    private final class ArrivalStamp extends ChannelInboundHandlerAdapter {
        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            lastReadNanos = System.nanoTime();
            ctx.fireChannelRead(msg);
        }
    }

    /** Matches response heads to requests in order; closes when the server will not keep alive. */
    private final class ResponseHandler extends SimpleChannelInboundHandler<HttpObject> {

        private boolean closeAfterResponse;

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, HttpObject msg) {
            if (ctx.channel() != channel) {
                return;
            }
            if (msg instanceof HttpResponse) {
                HttpResponse response = (HttpResponse) msg;
                closeAfterResponse = !HttpUtil.isKeepAlive(response);
                answered(response);
            }
            if (msg instanceof LastHttpContent && closeAfterResponse) {
                ctx.close();
            }
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            log.debug("HTTP probe of path {}: {}", settings.pathId(), cause.toString());
            ctx.close();
        }
    }
}

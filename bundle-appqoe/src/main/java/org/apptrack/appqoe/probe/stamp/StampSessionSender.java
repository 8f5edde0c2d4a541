package org.apptrack.appqoe.probe.stamp;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.DatagramPacket;
import io.netty.util.concurrent.ScheduledFuture;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.apptrack.api.time.Clock;
import org.apptrack.appqoe.probe.ProbeResultListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A STAMP Session-Sender (RFC 8762 4.2, unauthenticated) for one path: a UDP socket bound to the
 * path's source address and marked with the probe's DSCP sends bursts of probes to a reflector,
 * matches replies by sequence number and reports per probe the round-trip time and the two
 * one-way deltas, or the loss once the loss timeout passed.
 *
 * <p>Sending, receiving and loss detection all run on the socket's event loop, so the
 * outstanding-probe table is single-threaded; the listener is called on that thread.
 */
public final class StampSessionSender {

    private static final Logger log = LoggerFactory.getLogger(StampSessionSender.class);
    private static final long MIN_LOSS_CHECK_NANOS = TimeUnit.MILLISECONDS.toNanos(5);
    private static final int LOSS_CHECKS_PER_TIMEOUT = 20;
    /**
     * A NIO event loop waits for its next timer in whole milliseconds, rounded up, so a timer
     * fires 0 to 1 ms after its deadline; firing bursts half a millisecond early centres their
     * send times on the due times (within about +-0.5 ms instead of 0 to +1 ms).
     */
    static final long TIMER_LEAD_NANOS = TimeUnit.MICROSECONDS.toNanos(500);

    private final EventLoopGroup group;
    private final Clock clock;
    private final ProbePathSettings settings;
    private final ProbeResultListener listener;
    private final SenderCounters counters = new SenderCounters();
    private final OutstandingProbes outstanding;
    private final OutstandingProbes.LostProbe reportLost = this::reportLost;
    private final long lossTimeoutNanos;

    private volatile Channel channel;
    private volatile ScheduledFuture<?> bursts;
    private volatile ScheduledFuture<?> lossCheck;
    private long nextSequence;
    private long attempts;
    private ProbeSendObserver sendObserver;
    private long intervalNanos;
    private long nextBurstDue;

    public StampSessionSender(EventLoopGroup group, Clock clock, ProbePathSettings settings,
                              ProbeResultListener listener) {
        this.group = Objects.requireNonNull(group, "group");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.listener = Objects.requireNonNull(listener, "listener");
        outstanding = new OutstandingProbes(settings.maxOutstanding());
        lossTimeoutNanos = settings.lossTimeout().toNanos();
    }

    /** Reports every probe's send time against its schedule; set before {@link #start()}. */
    public synchronized void sendObserver(ProbeSendObserver observer) {
        if (channel != null) {
            throw new IllegalStateException("set the send observer before starting the sender");
        }
        sendObserver = observer;
    }

    /** Binds the path's socket and starts probing; fails with the cause when it cannot bind. */
    public synchronized void start() throws IOException {
        if (channel != null) {
            return;
        }
        ChannelFuture bound = ProbeChannels.udp(group, settings.sourceAddress(), settings.dscp())
                .handler(new ReplyHandler())
                .bind(new InetSocketAddress(settings.sourceAddress(), settings.sourcePort()))
                .awaitUninterruptibly();
        if (!bound.isSuccess()) {
            throw new IOException("cannot bind probe socket of path " + settings.pathId() + " to "
                    + settings.sourceAddress().getHostAddress() + ":" + settings.sourcePort() + ": "
                    + bound.cause(), bound.cause());
        }
        Channel open = bound.channel();
        channel = open;
        intervalNanos = settings.interval().toNanos();
        // A lost probe is declared within a twentieth of its timeout (50 ms for 1 s) after it
        // expires: a blackout is then detected in (violation count x spacing) + loss timeout plus
        // that, and a check is a glance at the oldest outstanding probe.
        long checkNanos = Math.max(MIN_LOSS_CHECK_NANOS, lossTimeoutNanos / LOSS_CHECKS_PER_TIMEOUT);
        // Each path starts at a random phase of its interval so that paths started together do
        // not all send at the same instant. A fixed rate keeps the timer on its first deadline
        // + k * interval; burst k is due TIMER_LEAD_NANOS (or less, at the very start) later.
        long phase = ThreadLocalRandom.current().nextLong(intervalNanos);
        long initialDelay = Math.max(0, phase - TIMER_LEAD_NANOS);
        nextBurstDue = System.nanoTime() + phase;
        bursts = open.eventLoop().scheduleAtFixedRate(this::sendBurst, initialDelay, intervalNanos,
                TimeUnit.NANOSECONDS);
        lossCheck = open.eventLoop().scheduleAtFixedRate(this::expireLost, checkNanos, checkNanos,
                TimeUnit.NANOSECONDS);
    }

    /** Stops probing and closes the socket; probes still outstanding are not reported. */
    public synchronized void stop() {
        Channel open = channel;
        channel = null;
        if (open == null) {
            return;
        }
        bursts.cancel(false);
        lossCheck.cancel(false);
        open.close().awaitUninterruptibly();
    }

    public SenderCounters counters() {
        return counters;
    }

    public ProbePathSettings settings() {
        return settings;
    }

    /** The bound address, or null when stopped. */
    public InetSocketAddress localAddress() {
        Channel open = channel;
        return open == null ? null : (InetSocketAddress) open.localAddress();
    }

    /** The socket, for tests that read its options back. */
    Channel channel() {
        return channel;
    }

    private void sendBurst() {
        Channel open = channel;
        if (open == null) {
            return;
        }
        long due = nextBurstDue;
        nextBurstDue = due + intervalNanos;
        ProbeSendObserver observer = sendObserver;
        long probeCount = settings.probeCount();
        boolean wrote = false;
        for (int i = 0; i < settings.burstSize(); i++) {
            if (probeCount > 0 && attempts >= probeCount) {
                ScheduledFuture<?> scheduled = bursts;
                if (scheduled != null) {
                    scheduled.cancel(false);
                }
                break;
            }
            attempts++;
            if (!open.isWritable()) {
                counters.suppressed.incrementAndGet();
                continue;
            }
            long now = clock.currentTimeNanos();
            long ntp = NtpTimestamp.fromEpochNanos(now);
            long sequence = nextSequence;
            if (!outstanding.add(sequence, now, ntp, now + lossTimeoutNanos)) {
                counters.suppressed.incrementAndGet();
                continue;
            }
            nextSequence = (sequence + 1) & 0xFFFF_FFFFL;
            int padding = settings.padding();
            ByteBuf probe = open.alloc().directBuffer(SenderTestPacket.LENGTH + padding);
            SenderTestPacket.write(probe, sequence, ntp, ErrorEstimate.UNSYNCHRONISED_MILLISECOND, padding);
            open.write(new DatagramPacket(probe, settings.reflector()), open.voidPromise());
            counters.sent.incrementAndGet();
            wrote = true;
            if (observer != null) {
                observer.probeSent(due, System.nanoTime());
            }
        }
        if (wrote) {
            open.flush();
        }
    }

    private void expireLost() {
        outstanding.expire(clock.currentTimeNanos(), reportLost);
    }

    private void reportLost(long sequence) {
        counters.lost.incrementAndGet();
        try {
            listener.onLost(settings.pathId(), sequence);
        } catch (RuntimeException e) {
            log.warn("probe listener failed on lost probe {} of path {}", sequence, settings.pathId(), e);
        }
    }

    /** Matches reflector packets to outstanding probes. */
    private final class ReplyHandler extends SimpleChannelInboundHandler<DatagramPacket> {

        private final ReflectorTestPacket reply = new ReflectorTestPacket();

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, DatagramPacket packet) {
            long t4 = clock.currentTimeNanos();
            if (!reply.wrap(packet.content())) {
                counters.malformed.incrementAndGet();
                return;
            }
            long sequence = reply.senderSequence();
            long t1 = outstanding.take(sequence, reply.senderTimestamp());
            if (t1 == -1) {
                counters.unmatched.incrementAndGet();
                return;
            }
            long t2 = NtpTimestamp.toEpochNanos(reply.receiveTimestamp());
            long t3 = NtpTimestamp.toEpochNanos(reply.timestamp());
            counters.answered.incrementAndGet();
            try {
                listener.onResult(settings.pathId(), sequence, (t4 - t1) - (t3 - t2), t2 - t1, t4 - t3);
            } catch (RuntimeException e) {
                log.warn("probe listener failed on probe {} of path {}", sequence, settings.pathId(), e);
            }
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            // ICMP port unreachable from a stopped reflector surfaces here; the probe is lost by
            // its timeout, the socket stays open.
            log.debug("STAMP sender of path {}: {}", settings.pathId(), cause.toString());
        }
    }
}

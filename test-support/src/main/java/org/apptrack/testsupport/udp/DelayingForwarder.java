package org.apptrack.testsupport.udp;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;

/**
 * One path's delay for STAMP probes (the AppQoE lab's uplinks, the dashboard's browser test), in user space because this kernel has no netem: receives the probes
 * arriving at the uplink's reflector address, holds each for the configured delay (plus a
 * uniform jitter of up to +/- the configured jitter, never below zero), forwards it to the real
 * reflector and relays the reply back to the prober at once. The whole delay is on the way
 * out, so it is the added round-trip time.
 *
 * <p>A setting applies to datagrams received after it was set; {@link #onNextDatagram} tells
 * when the first of them arrived (System.nanoTime, CLOCK_MONOTONIC), the moment from which a
 * prober can see the change.
 */
public final class DelayingForwarder implements AutoCloseable {

    /** Held datagrams at most; more are dropped (a bounded queue, as everywhere). */
    private static final int MAX_HELD = 10_000;

    private final int uplink;
    private final DatagramChannel front;
    private final InetSocketAddress reflector;
    private final ScheduledExecutorService timer;
    private final Map<SocketAddress, Relay> relays = new ConcurrentHashMap<>();
    private final List<LongConsumer> firstDatagramWaiters = new ArrayList<>();
    private final AtomicInteger held = new AtomicInteger();
    private final AtomicLong forwarded = new AtomicLong();
    private final AtomicLong relayed = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    /** Replies the kernel refused: an nft drop on the way out fails the send (EPERM). */
    private final AtomicLong repliesRefused = new AtomicLong();
    private final Thread receiver;
    private volatile long delayNanos;
    private volatile long jitterNanos;

    /**
     * @param uplink the path's number in messages and thread names
     */
    public DelayingForwarder(int uplink, InetSocketAddress listen, InetSocketAddress reflector,
                      ScheduledExecutorService timer) throws IOException {
        this.uplink = uplink;
        this.reflector = reflector;
        this.timer = timer;
        front = DatagramChannel.open();
        front.setOption(StandardSocketOptions.SO_RCVBUF, 1 << 20);
        front.bind(listen);
        receiver = new Thread(this::receive, "forwarder-" + uplink);
        receiver.setDaemon(true);
        receiver.start();
    }

    public void delayMicros(long micros, LongConsumer firstDatagram) {
        synchronized (firstDatagramWaiters) {
            delayNanos = TimeUnit.MICROSECONDS.toNanos(micros);
            firstDatagramWaiters.add(firstDatagram);
        }
    }

    public void jitterMicros(long micros, LongConsumer firstDatagram) {
        synchronized (firstDatagramWaiters) {
            jitterNanos = TimeUnit.MICROSECONDS.toNanos(micros);
            firstDatagramWaiters.add(firstDatagram);
        }
    }

    public String stats() {
        return uplink + " forwarded " + forwarded.get() + " relayed " + relayed.get() + " refused " + repliesRefused.get()
                + " dropped " + dropped.get()
                + " delay_us " + delayNanos / 1000 + " jitter_us " + jitterNanos / 1000;
    }

    private void receive() {
        ByteBuffer buffer = ByteBuffer.allocate(2048);
        while (front.isOpen()) {
            try {
                buffer.clear();
                SocketAddress prober = front.receive(buffer);
                long now = System.nanoTime();
                long hold;
                synchronized (firstDatagramWaiters) {
                    hold = delayNanos;
                    long jitter = jitterNanos;
                    if (jitter > 0) {
                        hold = Math.max(0, hold + ThreadLocalRandom.current().nextLong(-jitter, jitter + 1));
                    }
                    for (LongConsumer waiter : firstDatagramWaiters) {
                        waiter.accept(now);
                    }
                    firstDatagramWaiters.clear();
                }
                buffer.flip();
                ByteBuffer copy = ByteBuffer.allocate(buffer.remaining()).put(buffer).flip();
                if (held.incrementAndGet() > MAX_HELD) {
                    held.decrementAndGet();
                    dropped.incrementAndGet();
                    continue;
                }
                Relay relay = relays.computeIfAbsent(prober, this::openRelay);
                long due = now + hold;
                timer.schedule(() -> relay.forward(copy), Math.max(0, due - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (ClosedChannelException e) {
                return;
            } catch (IOException e) {
                System.err.println("forwarder " + uplink + ": " + e);
            }
        }
    }

    private Relay openRelay(SocketAddress prober) {
        try {
            return new Relay(prober);
        } catch (IOException e) {
            throw new IllegalStateException("forwarder " + uplink + ": cannot open relay socket: " + e, e);
        }
    }

    @Override
    public void close() throws IOException {
        front.close();
        for (Relay relay : relays.values()) {
            relay.channel.close();
        }
    }

    /** The reflector's side of one prober: its own socket, so replies find their way back. */
    private final class Relay {
        private final SocketAddress prober;
        private final DatagramChannel channel;

        Relay(SocketAddress prober) throws IOException {
            this.prober = prober;
            channel = DatagramChannel.open();
            channel.bind(new InetSocketAddress(reflector.getAddress(), 0));
            Thread replies = new Thread(this::relayReplies, "relay-" + uplink + "-" + prober);
            replies.setDaemon(true);
            replies.start();
        }

        void forward(ByteBuffer datagram) {
            held.decrementAndGet();
            try {
                channel.send(datagram, reflector);
                forwarded.incrementAndGet();
            } catch (IOException e) {
                dropped.incrementAndGet();
            }
        }

        private void relayReplies() {
            ByteBuffer buffer = ByteBuffer.allocate(2048);
            while (channel.isOpen()) {
                try {
                    buffer.clear();
                    channel.receive(buffer);
                    buffer.flip();
                    front.send(buffer, prober);
                    relayed.incrementAndGet();
                } catch (ClosedChannelException e) {
                    return;
                } catch (IOException e) {
                    repliesRefused.incrementAndGet();
                }
            }
        }
    }
}

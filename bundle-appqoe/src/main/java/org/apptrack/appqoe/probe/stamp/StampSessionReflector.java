package org.apptrack.appqoe.probe.stamp;

import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.EventLoopGroup;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.Objects;
import org.apptrack.api.time.Clock;

/**
 * A STAMP Session-Reflector (RFC 8762 4.3, stateless, unauthenticated) on one UDP socket: it
 * answers every sender packet of at least 44 bytes with a reflector packet of the same size,
 * marked with the configured DSCP. TWAMP-Light senders that pad to 44 bytes or more are answered
 * alike.
 */
public final class StampSessionReflector {

    private final EventLoopGroup group;
    private final Clock clock;
    private final ReflectorSettings settings;
    private final ReflectorCounters counters = new ReflectorCounters();
    private volatile Channel channel;

    public StampSessionReflector(EventLoopGroup group, Clock clock, ReflectorSettings settings) {
        this.group = Objects.requireNonNull(group, "group");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /** Binds the socket; fails with the cause (e.g. address in use, port needing privileges). */
    public synchronized void start() throws IOException {
        if (channel != null) {
            return;
        }
        ChannelFuture bound = ProbeChannels.udp(group, settings.bindAddress(), settings.dscp())
                .handler(new ReflectorHandler(clock, counters))
                .bind(new InetSocketAddress(settings.bindAddress(), settings.port()))
                .awaitUninterruptibly();
        if (!bound.isSuccess()) {
            throw new IOException("cannot bind STAMP reflector to " + settings.bindAddress().getHostAddress()
                    + ":" + settings.port() + ": " + bound.cause(), bound.cause());
        }
        channel = bound.channel();
    }

    /** Closes the socket; waits until it is closed so the port can be bound again. */
    public synchronized void stop() {
        Channel open = channel;
        channel = null;
        if (open != null) {
            open.close().awaitUninterruptibly();
        }
    }

    /** The bound address (with the actual port when configured as 0), or null when stopped. */
    public InetSocketAddress localAddress() {
        Channel open = channel;
        return open == null ? null : (InetSocketAddress) open.localAddress();
    }

    public ReflectorCounters counters() {
        return counters;
    }

    public ReflectorSettings settings() {
        return settings;
    }

    /** The socket, for tests that read its options back. */
    Channel channel() {
        return channel;
    }
}

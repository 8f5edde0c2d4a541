package org.apptrack.appqoe.probe.stamp;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.DatagramPacket;
import org.apptrack.api.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns each valid sender packet into the reflector packet in its own buffer and sends it back
 * (stateless mode, RFC 8762 4.3: one sequence counter for all senders). Runs on the channel's
 * single event loop, so the counter needs no synchronisation.
 */
final class ReflectorHandler extends SimpleChannelInboundHandler<DatagramPacket> {

    /**
     * Ses-Sender TTL: the JDK's datagram sockets cannot read a received packet's TTL, so the field
     * carries 255, the value a sender on the same link would have used.
     */
    static final int UNKNOWN_SENDER_TTL = 255;

    private static final Logger log = LoggerFactory.getLogger(ReflectorHandler.class);

    private final Clock clock;
    private final ReflectorCounters counters;
    private final SenderTestPacket sender = new SenderTestPacket();
    private long sequence;

    ReflectorHandler(Clock clock, ReflectorCounters counters) {
        this.clock = clock;
        this.counters = counters;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, DatagramPacket packet) {
        long receivedAt = NtpTimestamp.fromEpochNanos(clock.currentTimeNanos());
        ByteBuf content = packet.content();
        if (!sender.wrap(content)) {
            counters.malformed.incrementAndGet();
            return;
        }
        counters.received.incrementAndGet();
        if (!ctx.channel().isWritable()) {
            counters.dropped.incrementAndGet();
            return;
        }
        long senderSequence = sender.sequence();
        long senderTimestamp = sender.timestamp();
        int senderErrorEstimate = sender.errorEstimate();
        long sentAt = NtpTimestamp.fromEpochNanos(clock.currentTimeNanos());
        ReflectorTestPacket.set(content, content.readerIndex(), sequence++, sentAt,
                ErrorEstimate.UNSYNCHRONISED_MILLISECOND, receivedAt, senderSequence, senderTimestamp,
                senderErrorEstimate, UNKNOWN_SENDER_TTL);
        counters.reflected.incrementAndGet();
        ctx.writeAndFlush(new DatagramPacket(content.retain(), packet.sender()), ctx.voidPromise());
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        // A failed send (e.g. ICMP unreachable surfacing as PortUnreachableException) must not
        // close the reflector's socket.
        counters.dropped.incrementAndGet();
        log.debug("STAMP reflector: {}", cause.toString());
    }
}

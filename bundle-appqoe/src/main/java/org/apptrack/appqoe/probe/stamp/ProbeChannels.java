package org.apptrack.appqoe.probe.stamp;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.socket.InternetProtocolFamily;
import io.netty.channel.socket.nio.NioDatagramChannel;
import java.net.Inet6Address;
import java.net.InetAddress;
import org.apptrack.appqoe.probe.Dscp;

/** The UDP channel setup shared by the sender and the reflector. */
final class ProbeChannels {

    /**
     * Bounds the socket's send queue: past 64 KiB of unsent probes or replies the channel reports
     * itself unwritable and the caller drops instead of queueing.
     */
    private static final WriteBufferWaterMark SEND_QUEUE = new WriteBufferWaterMark(32 * 1024, 64 * 1024);

    private ProbeChannels() {
    }

    /**
     * A datagram bootstrap whose socket is of the bind address's family (so that IP_TOS marks
     * IPv4 packets rather than going to a dual-stack socket) and marks with {@code dscp}.
     */
    static Bootstrap udp(EventLoopGroup group, InetAddress bindAddress, int dscp) {
        InternetProtocolFamily family = bindAddress instanceof Inet6Address
                ? InternetProtocolFamily.IPv6 : InternetProtocolFamily.IPv4;
        return new Bootstrap().group(group)
                .channelFactory(() -> new NioDatagramChannel(family))
                .option(ChannelOption.IP_TOS, Dscp.toTos(dscp))
                .option(ChannelOption.WRITE_BUFFER_WATER_MARK, SEND_QUEUE);
    }
}

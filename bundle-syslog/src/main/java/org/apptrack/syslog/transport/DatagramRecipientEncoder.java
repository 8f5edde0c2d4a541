package org.apptrack.syslog.transport;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.socket.DatagramPacket;
import io.netty.handler.codec.MessageToMessageEncoder;
import java.net.InetSocketAddress;
import java.util.List;

/** Sends each message as one datagram to the receiver (RFC 5426). */
public final class DatagramRecipientEncoder extends MessageToMessageEncoder<ByteBuf> {

    private final InetSocketAddress recipient;

    public DatagramRecipientEncoder(InetSocketAddress recipient) {
        super(ByteBuf.class);
        this.recipient = recipient;
    }

    @Override
    protected void encode(ChannelHandlerContext ctx, ByteBuf msg, List<Object> out) {
        out.add(new DatagramPacket(msg.retain(), recipient));
    }
}

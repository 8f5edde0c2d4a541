package org.apptrack.syslog.transport;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToMessageEncoder;
import java.util.List;

/** RFC 6587 3.4.1 / RFC 5425 4.3 framing: {@code MSG-LEN SP SYSLOG-MSG}, no trailer. */
@ChannelHandler.Sharable
public final class OctetCountingFrameEncoder extends MessageToMessageEncoder<ByteBuf> {

    public static final OctetCountingFrameEncoder INSTANCE = new OctetCountingFrameEncoder();

    private OctetCountingFrameEncoder() {
        super(ByteBuf.class);
    }

    @Override
    protected void encode(ChannelHandlerContext ctx, ByteBuf msg, List<Object> out) {
        int length = msg.readableBytes();
        ByteBuf prefix = ctx.alloc().heapBuffer(11);
        int digits = length < 10 ? 1 : length < 100 ? 2 : length < 1000 ? 3 : length < 10000 ? 4
                : Integer.toString(length).length();
        int start = prefix.writerIndex();
        prefix.writerIndex(start + digits);
        for (int i = start + digits - 1, v = length; i >= start; i--, v /= 10) {
            prefix.setByte(i, '0' + v % 10);
        }
        prefix.writeByte(' ');
        out.add(prefix);
        out.add(msg.retain());
    }
}

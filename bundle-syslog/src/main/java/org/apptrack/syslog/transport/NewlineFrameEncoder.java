package org.apptrack.syslog.transport;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToMessageEncoder;
import java.util.List;

/** RFC 6587 3.4.2 non-transparent framing: each message followed by LF. */
@ChannelHandler.Sharable
public final class NewlineFrameEncoder extends MessageToMessageEncoder<ByteBuf> {

    public static final NewlineFrameEncoder INSTANCE = new NewlineFrameEncoder();

    private NewlineFrameEncoder() {
        super(ByteBuf.class);
    }

    @Override
    protected void encode(ChannelHandlerContext ctx, ByteBuf msg, List<Object> out) {
        // The formats never put LF inside a message (control characters are blanked).
        ByteBuf framed = ctx.alloc().heapBuffer(msg.readableBytes() + 1);
        framed.writeBytes(msg).writeByte('\n');
        out.add(framed);
    }
}

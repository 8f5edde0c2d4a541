package org.apptrack.syslog.transport;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.ReferenceCountUtil;

/**
 * Syslog receivers send nothing back; anything that arrives is released. Reading keeps the
 * socket's end-of-stream visible, so a receiver that goes away is noticed at once.
 */
@ChannelHandler.Sharable
final class DiscardInboundHandler extends ChannelInboundHandlerAdapter {

    static final DiscardInboundHandler INSTANCE = new DiscardInboundHandler();

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        ReferenceCountUtil.release(msg);
    }
}

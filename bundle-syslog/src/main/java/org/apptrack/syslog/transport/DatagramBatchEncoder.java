package org.apptrack.syslog.transport;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.socket.DatagramPacket;
import io.netty.handler.codec.MessageToMessageEncoder;
import java.net.InetSocketAddress;
import java.util.List;
import org.apptrack.syslog.format.SyslogFormatter;

/** UDP (RFC 5426): one datagram per message, every message of a batch formatted into one buffer. */
public final class DatagramBatchEncoder extends MessageToMessageEncoder<LogRecordBatch> {

    private final SyslogFormatter formatter;
    private final InetSocketAddress recipient;

    public DatagramBatchEncoder(SyslogFormatter formatter, InetSocketAddress recipient) {
        super(LogRecordBatch.class);
        this.formatter = formatter;
        this.recipient = recipient;
    }

    @Override
    protected void encode(ChannelHandlerContext ctx, LogRecordBatch batch, List<Object> out) {
        int total = 0;
        for (int i = 0; i < batch.size(); i++) {
            int max = formatter.maxBytes(batch.get(i));
            batch.maxBytes(i, max);
            total += max;
        }
        ByteBuf buffer = ctx.alloc().heapBuffer(total);
        try {
            for (int i = 0; i < batch.size(); i++) {
                int start = buffer.writerIndex();
                formatter.format(batch.get(i), buffer);
                out.add(new DatagramPacket(buffer.retainedSlice(start, buffer.writerIndex() - start), recipient));
            }
        } finally {
            buffer.release();
        }
    }
}

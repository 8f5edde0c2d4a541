package org.apptrack.syslog.transport;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToByteEncoder;
import org.apptrack.syslog.api.LogRecord;
import org.apptrack.syslog.format.SyslogFormatter;

/** Encodes each {@link LogRecord} into one syslog message with the stream's format. */
public final class LogRecordEncoder extends MessageToByteEncoder<LogRecord> {

    private final SyslogFormatter formatter;

    public LogRecordEncoder(SyslogFormatter formatter) {
        super(LogRecord.class, false);
        this.formatter = formatter;
    }

    @Override
    protected ByteBuf allocateBuffer(ChannelHandlerContext ctx, LogRecord record, boolean preferDirect) {
        // Heap buffer of the bound, so the formatter writes into its array in one pass.
        return ctx.alloc().heapBuffer(formatter.maxBytes(record));
    }

    @Override
    protected void encode(ChannelHandlerContext ctx, LogRecord record, ByteBuf out) {
        formatter.format(record, out);
    }
}

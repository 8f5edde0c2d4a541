package org.apptrack.syslog.transport;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToByteEncoder;
import org.apptrack.syslog.format.SyslogFormatter;
import org.apptrack.syslog.settings.Framing;

/**
 * TCP and TLS: encodes a {@link LogRecordBatch} into one buffer of framed syslog messages,
 * RFC 6587 octet counting ({@code MSG-LEN SP SYSLOG-MSG}, as RFC 5425 and an SRX use) or newline
 * framing. Each message is formatted in place right after room for its length prefix, so there is
 * neither a second buffer nor a copy per record.
 */
public final class StreamFrameEncoder extends MessageToByteEncoder<LogRecordBatch> {

    private final SyslogFormatter formatter;
    private final Framing framing;

    public StreamFrameEncoder(SyslogFormatter formatter, Framing framing) {
        super(LogRecordBatch.class, false);
        this.formatter = formatter;
        this.framing = framing;
    }

    @Override
    protected ByteBuf allocateBuffer(ChannelHandlerContext ctx, LogRecordBatch batch, boolean preferDirect) {
        int total = 0;
        for (int i = 0; i < batch.size(); i++) {
            int max = formatter.maxBytes(batch.get(i));
            batch.maxBytes(i, max);
            total += decimalDigits(max) + 1 + max;
        }
        // A heap buffer, so that the formatter writes into its array in one pass.
        return ctx.alloc().heapBuffer(total);
    }

    @Override
    protected void encode(ChannelHandlerContext ctx, LogRecordBatch batch, ByteBuf out) {
        for (int i = 0; i < batch.size(); i++) {
            if (framing == Framing.OCTET_COUNTING) {
                writeOctetCounted(batch, i, out);
            } else {
                writeNewlineTerminated(batch, i, out);
            }
        }
    }

    private void writeOctetCounted(LogRecordBatch batch, int i, ByteBuf out) {
        int max = batch.maxBytes(i);
        int reserved = decimalDigits(max) + 1;
        out.ensureWritable(reserved + max);
        byte[] a = out.array();
        int base = out.arrayOffset() + out.writerIndex();
        int messageStart = base + reserved;
        int length = formatter.format(batch.get(i), a, messageStart) - messageStart;
        int prefix = decimalDigits(length) + 1;
        if (prefix < reserved) {
            // The message came out shorter than its bound by a digit or more: close the gap.
            System.arraycopy(a, messageStart, a, base + prefix, length);
            messageStart = base + prefix;
        }
        a[messageStart - 1] = ' ';
        for (int p = messageStart - 2, v = length; p >= base; p--, v /= 10) {
            a[p] = (byte) ('0' + v % 10);
        }
        out.writerIndex(messageStart + length - out.arrayOffset());
    }

    private void writeNewlineTerminated(LogRecordBatch batch, int i, ByteBuf out) {
        out.ensureWritable(batch.maxBytes(i) + 1);
        int start = out.arrayOffset() + out.writerIndex();
        int end = formatter.format(batch.get(i), out.array(), start);
        // The formats never put LF inside a message (control characters are blanked).
        out.array()[end] = '\n';
        out.writerIndex(end + 1 - out.arrayOffset());
    }

    static int decimalDigits(int value) {
        int digits = 1;
        for (int v = value; v >= 10; v /= 10) {
            digits++;
        }
        return digits;
    }
}

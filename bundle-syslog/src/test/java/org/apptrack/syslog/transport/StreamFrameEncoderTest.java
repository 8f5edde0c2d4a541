package org.apptrack.syslog.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.netty.buffer.ByteBuf;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.channel.socket.DatagramPacket;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import org.apptrack.syslog.api.LogRecord;
import org.apptrack.syslog.format.FormatSettings;
import org.apptrack.syslog.format.LogFormat;
import org.apptrack.syslog.format.SyslogFormatter;
import org.apptrack.syslog.settings.Framing;
import org.junit.jupiter.api.Test;

class StreamFrameEncoderTest {

    private static final SyslogFormatter FORMATTER = SyslogFormatter.create(FormatSettings.of(LogFormat.SD_SYSLOG, "h"));

    private static LogRecord record(String value) {
        return LogRecord.builder("T").time(0).field("v", value).build();
    }

    private static String expected(String value) {
        return new String(FORMATTER.formatToArray(record(value)), StandardCharsets.UTF_8);
    }

    private static String encode(Framing framing, String... values) {
        EmbeddedChannel channel = new EmbeddedChannel(new StreamFrameEncoder(FORMATTER, framing));
        LogRecordBatch batch = new LogRecordBatch(values.length);
        for (String v : values) {
            batch.add(record(v));
        }
        channel.writeOutbound(batch);
        ByteBuf out = channel.readOutbound();
        try {
            return out.toString(StandardCharsets.UTF_8);
        } finally {
            out.release();
        }
    }

    @Test
    void octetCountingPrefixesEachMessageWithItsExactByteLength() {
        // Values whose bound has more digits than their real length (the gap is closed), a
        // multi-byte value, and an escaped one.
        String[] values = {"a", "x".repeat(300), "Zürich €", "q\"]\\", ""};
        StringBuilder want = new StringBuilder();
        for (String v : values) {
            String m = expected(v);
            want.append(m.getBytes(StandardCharsets.UTF_8).length).append(' ').append(m);
        }
        assertEquals(want.toString(), encode(Framing.OCTET_COUNTING, values));
    }

    @Test
    void newlineFramingTerminatesEachMessage() {
        assertEquals(expected("a") + "\n" + expected("b\nc") + "\n", encode(Framing.NEWLINE, "a", "b\nc"));
    }

    @Test
    void datagramsCarryOneMessageEach() {
        InetSocketAddress to = new InetSocketAddress("127.0.0.1", 514);
        EmbeddedChannel channel = new EmbeddedChannel(new DatagramBatchEncoder(FORMATTER, to));
        LogRecordBatch batch = new LogRecordBatch(3);
        batch.add(record("1"));
        batch.add(record("22"));
        batch.add(record("333"));
        channel.writeOutbound(batch);
        for (String v : new String[] {"1", "22", "333"}) {
            DatagramPacket p = channel.readOutbound();
            assertEquals(to, p.recipient());
            assertEquals(expected(v), p.content().toString(StandardCharsets.UTF_8));
            p.release();
        }
        assertEquals(null, (Object) channel.readOutbound());
    }

    @Test
    void decimalDigits() {
        assertEquals(1, StreamFrameEncoder.decimalDigits(0));
        assertEquals(1, StreamFrameEncoder.decimalDigits(9));
        assertEquals(2, StreamFrameEncoder.decimalDigits(10));
        assertEquals(4, StreamFrameEncoder.decimalDigits(1120));
        assertEquals(10, StreamFrameEncoder.decimalDigits(Integer.MAX_VALUE));
    }
}

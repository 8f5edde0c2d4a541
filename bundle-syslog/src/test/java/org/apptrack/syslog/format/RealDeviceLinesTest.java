package org.apptrack.syslog.format;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apptrack.syslog.settings.Framing;
import org.apptrack.syslog.transport.LogRecordBatch;
import org.apptrack.syslog.transport.StreamFrameEncoder;
import org.apptrack.testsupport.data.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Real SRX lines from the shared test data's srx-syslog folder (when present): split each into header and
 * fields, rebuild it as a record, format it, and require the very same bytes.
 */
class RealDeviceLinesTest {

    private static final Path CORPUS = TestData.path("srx-syslog");

    /** The lines the corpus README calls real device output (file, 1-based line numbers). */
    static Stream<Arguments> realLines() throws IOException {
        List<Arguments> lines = new ArrayList<>();
        if (!Files.isDirectory(CORPUS)) {
            return Stream.of(Arguments.of("corpus absent", 0, null));
        }
        add(lines, "tf-analytics.log", 1, 2, 3, 4);
        add(lines, "misc-public.log", 1, 2, 3);
        add(lines, "juniper-toby-unittest.log", 1, 2, 3, 4);
        // Lines 2-3 lost a space in transcription (README), so only 1 and 4 are device bytes.
        add(lines, "juniper-contrail-specs.log", 1, 4);
        return lines.stream();
    }

    private static void add(List<Arguments> out, String file, int... numbers) throws IOException {
        List<String> all = Files.readAllLines(CORPUS.resolve(file), StandardCharsets.UTF_8);
        for (int n : numbers) {
            out.add(Arguments.of(file, n, all.get(n - 1)));
        }
    }

    @ParameterizedTest(name = "{0}:{1}")
    @MethodSource("realLines")
    void formatsTheDeviceLineByteForByte(String file, int number, String line) {
        assumeTrue(line != null, TestData.missing(CORPUS));
        DeviceLine parsed = DeviceLine.parse(line);
        byte[] formatted = SyslogFormatter.create(parsed.settings).formatToArray(parsed.record);
        assertEquals(line, new String(formatted, StandardCharsets.UTF_8), file + ":" + number);
    }

    @Test
    void octetCountedStreamMatchesTheCapturedTcpBytes() throws IOException {
        Path capture = CORPUS.resolve("tf-analytics.octet-framed.bin");
        assumeTrue(Files.exists(capture), TestData.missing(capture));
        byte[] bytes = Files.readAllBytes(capture);
        // Split the captured stream into its complete frames (the file ends in a truncated one).
        List<String> frames = new ArrayList<>();
        int end = 0;
        for (int p = 0; ; ) {
            int sp = indexOf(bytes, (byte) ' ', p);
            if (sp < 0) {
                break;
            }
            int len = Integer.parseInt(new String(bytes, p, sp - p, StandardCharsets.US_ASCII));
            if (sp + 1 + len > bytes.length) {
                break;
            }
            frames.add(new String(bytes, sp + 1, len, StandardCharsets.UTF_8));
            p = sp + 1 + len;
            end = p;
        }
        assertEquals(6, frames.size());

        ByteBuf wire = Unpooled.buffer();
        for (String frame : frames) {
            DeviceLine parsed = DeviceLine.parse(frame);
            EmbeddedChannel channel = new EmbeddedChannel(
                    new StreamFrameEncoder(SyslogFormatter.create(parsed.settings), Framing.OCTET_COUNTING));
            LogRecordBatch batch = new LogRecordBatch(1);
            batch.add(parsed.record);
            channel.writeOutbound(batch);
            for (ByteBuf out; (out = channel.readOutbound()) != null; ) {
                wire.writeBytes(out);
                out.release();
            }
        }
        byte[] expected = java.util.Arrays.copyOf(bytes, end);
        byte[] actual = new byte[wire.readableBytes()];
        wire.readBytes(actual);
        assertArrayEquals(expected, actual);
    }

    private static int indexOf(byte[] b, byte v, int from) {
        for (int i = from; i < b.length; i++) {
            if (b[i] == v) {
                return i;
            }
        }
        return -1;
    }
}

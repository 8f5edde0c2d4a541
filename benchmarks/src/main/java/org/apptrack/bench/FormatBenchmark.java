package org.apptrack.bench;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFuture;
import io.netty.channel.embedded.EmbeddedChannel;
import java.util.Queue;
import java.util.concurrent.TimeUnit;
import org.apptrack.syslog.api.LogRecord;
import org.apptrack.syslog.format.FormatSettings;
import org.apptrack.syslog.format.LogFormat;
import org.apptrack.syslog.format.SyslogFormatter;
import org.apptrack.syslog.settings.Framing;
import org.apptrack.syslog.transport.LogRecordBatch;
import org.apptrack.syslog.transport.StreamFrameEncoder;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Formatting one {@code APPTRACK_SESSION_CLOSE} record (41 fields, tf-analytics.log line 1).
 *
 * <p>Acceptance row: {@link #sdSyslogArray} (sd-syslog into a reused byte[]), at least 1 M ops/s on
 * one thread with {@code gc.alloc.rate.norm} about 0 B/op. The other rows are for comparison:
 * <ul>
 *   <li>{@code structuredSyslogArray}, {@code syslogArray}: the other two formats, same buffer reuse;</li>
 *   <li>{@code sdSyslogHeapByteBuf}: {@code format(record, ByteBuf)} into a reused heap ByteBuf
 *       (writes into its array directly);</li>
 *   <li>{@code sdSyslogDirectByteBuf}: the same into a reused direct ByteBuf (formatter's scratch
 *       array then one copy);</li>
 *   <li>{@code streamEncoderBatch}: what the TCP/TLS transport does per record: a batch of
 *       {@value #BATCH} records through {@link StreamFrameEncoder} (octet counting) in an
 *       {@link EmbeddedChannel}, written with one promise and listener, as
 *       {@code NettyStreamTransport.drain()} does; reported per record;</li>
 *   <li>{@code buildRecord}: the producer's cost of building the record (not part of formatting,
 *       shows what a record itself costs in allocation).</li>
 * </ul>
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@Threads(1)
@State(Scope.Thread)
public class FormatBenchmark {

    private LogRecord record;
    private SyslogFormatter sd;
    private SyslogFormatter structured;
    private SyslogFormatter plain;
    private byte[] array;
    private ByteBuf heap;
    private ByteBuf direct;
    private int variant;

    @Setup(Level.Trial)
    public void setUp() {
        record = SrxRecords.sessionClose();
        sd = SyslogFormatter.create(FormatSettings.of(LogFormat.SD_SYSLOG, SrxRecords.HOSTNAME));
        structured = SyslogFormatter.create(FormatSettings.of(LogFormat.STRUCTURED_SYSLOG, SrxRecords.HOSTNAME));
        plain = SyslogFormatter.create(FormatSettings.of(LogFormat.SYSLOG, SrxRecords.HOSTNAME));
        int max = Math.max(sd.maxBytes(record), Math.max(structured.maxBytes(record), plain.maxBytes(record)));
        array = new byte[max + 16];
        heap = Unpooled.buffer(max + 16);
        direct = Unpooled.directBuffer(max + 16);
        byte[] check = sd.formatToArray(record);
        if (check.length < 1000) {
            throw new IllegalStateException("unexpectedly short record: " + check.length + " bytes");
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        heap.release();
        direct.release();
    }

    /** Records per batch, as the transport writes them. */
    public static final int BATCH = 256;

    /** The transport's pipeline, in its own state so each benchmark only sets up what it uses. */
    @State(Scope.Thread)
    public static class Netty {
        EmbeddedChannel channel;
        LogRecordBatch batch;
        long sentCount;

        @Setup(Level.Trial)
        public void setUp() {
            channel = new EmbeddedChannel(new StreamFrameEncoder(
                    SyslogFormatter.create(FormatSettings.of(LogFormat.SD_SYSLOG, SrxRecords.HOSTNAME)),
                    Framing.OCTET_COUNTING));
            batch = new LogRecordBatch(BATCH);
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            channel.finishAndReleaseAll();
        }

        void batchDone(ChannelFuture f, int n) {
            if (f.isSuccess()) {
                sentCount += n;
            }
        }
    }

    @Benchmark
    public int sdSyslogArray() {
        return sd.format(record, array, 0);
    }

    @Benchmark
    public int structuredSyslogArray() {
        return structured.format(record, array, 0);
    }

    @Benchmark
    public int syslogArray() {
        return plain.format(record, array, 0);
    }

    @Benchmark
    public int sdSyslogHeapByteBuf() {
        heap.clear();
        sd.format(record, heap);
        return heap.writerIndex();
    }

    @Benchmark
    public int sdSyslogDirectByteBuf() {
        direct.clear();
        sd.format(record, direct);
        return direct.writerIndex();
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public int streamEncoderBatch(Netty n) {
        n.batch.clear();
        for (int i = 0; i < BATCH; i++) {
            n.batch.add(record);
        }
        int size = n.batch.size();
        n.channel.writeAndFlush(n.batch, n.channel.newPromise().addListener(f -> n.batchDone((ChannelFuture) f, size)));
        return drain(n.channel.outboundMessages());
    }

    @Benchmark
    public LogRecord buildRecord() {
        return SrxRecords.sessionClose(variant++ & 1023);
    }

    private static int drain(Queue<Object> out) {
        int bytes = 0;
        for (Object m; (m = out.poll()) != null; ) {
            ByteBuf b = (ByteBuf) m;
            bytes += b.readableBytes();
            b.release();
        }
        return bytes;
    }
}

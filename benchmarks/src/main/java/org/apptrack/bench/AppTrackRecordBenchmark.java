package org.apptrack.bench;

import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;
import org.apptrack.apptrack.config.AppTrackSettings;
import org.apptrack.apptrack.engine.AppTrackEngine;
import org.apptrack.apptrack.engine.CloseReason;
import org.apptrack.apptrack.engine.session.SessionTable;
import org.apptrack.apptrack.log.AppTrackMessage;
import org.apptrack.apptrack.log.SessionLogEmitter;
import org.apptrack.apptrack.model.SessionModel;
import org.apptrack.syslog.api.DiscardingSecurityLog;
import org.apptrack.syslog.api.LogRecord;
import org.apptrack.syslog.format.FormatSettings;
import org.apptrack.syslog.format.LogFormat;
import org.apptrack.syslog.format.SyslogFormatter;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The producer side of an AppTrack log, as the replay of short flows exercises it: the record of
 * an open session read through the session model ({@link SessionLogEmitter#record}: addresses
 * formatted, zones and service named, fields in their declared layout), then formatted into a
 * reused byte[].
 *
 * <ul>
 *   <li>{@code buildClose}: the record only;</li>
 *   <li>{@code formatClose}: sd-syslog formatting of records built in advance (what the stream pays);</li>
 *   <li>{@code buildFormatClose*}: both, per format (structured-syslog and syslog need the text body);</li>
 *   <li>{@code buildFormatCreate}: a create record in sd-syslog.</li>
 * </ul>
 * The records are those of 1,024 TCP sessions to port 443 from different ports, in turn, under
 * the distribution's default zones. Run with {@code -prof gc} for bytes per record.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@Threads(1)
@State(Scope.Thread)
public class AppTrackRecordBenchmark {

    private static final int SESSIONS = 1024;

    private SessionLogEmitter emitter;
    private final int[] sessions = new int[SESSIONS];
    private final LogRecord[] builtCloses = new LogRecord[SESSIONS];
    private SyslogFormatter sd;
    private SyslogFormatter structured;
    private SyslogFormatter plain;
    private byte[] array;
    private int variant;

    @Setup(Level.Trial)
    public void setUp() {
        AppTrackSettings settings = AppTrackSettings.parse(java.util.Map.of(
                "zone.trust.prefixes", "10.0.0.0/8", "zone.untrust.prefixes", "0.0.0.0/0"));
        emitter = new SessionLogEmitter(new DiscardingSecurityLog(), false, false);
        AppTrackEngine engine = new AppTrackEngine(settings.engine(), emitter, settings.zones());
        emitter.bind(engine, new SessionModel(engine, settings.zones()));
        SessionTable table = engine.table();
        for (int i = 0; i < SESSIONS; i++) {
            byte[] syn = DecodeBenchmark.ether(0x0800, DecodeBenchmark.ipv4(6, DecodeBenchmark.tcp(57838 - i, 443,
                    0x02, 0, 0)));
            engine.onFrame(ByteBuffer.wrap(syn), 0, SrxRecords.TIME_MILLIS * 1_000_000L + i * 1_000_000L);
            sessions[i] = table.sessionAt(table.size() - 1);
        }
        for (int i = 0; i < SESSIONS; i++) {
            builtCloses[i] = emitter.record(AppTrackMessage.CLOSE, sessions[i], CloseReason.TCP_FIN);
        }
        sd = SyslogFormatter.create(FormatSettings.of(LogFormat.SD_SYSLOG, SrxRecords.HOSTNAME));
        structured = SyslogFormatter.create(FormatSettings.of(LogFormat.STRUCTURED_SYSLOG, SrxRecords.HOSTNAME));
        plain = SyslogFormatter.create(FormatSettings.of(LogFormat.SYSLOG, SrxRecords.HOSTNAME));
        array = new byte[8192];
    }

    private int next() {
        return sessions[variant++ & (SESSIONS - 1)];
    }

    @Benchmark
    public LogRecord buildClose() {
        return emitter.record(AppTrackMessage.CLOSE, next(), CloseReason.TCP_FIN);
    }

    @Benchmark
    public int formatClose() {
        return sd.format(builtCloses[variant++ & (SESSIONS - 1)], array, 0);
    }

    @Benchmark
    public int buildFormatClose() {
        return sd.format(emitter.record(AppTrackMessage.CLOSE, next(), CloseReason.TCP_FIN), array, 0);
    }

    @Benchmark
    public int buildFormatCloseStructured() {
        return structured.format(emitter.record(AppTrackMessage.CLOSE, next(), CloseReason.TCP_FIN), array, 0);
    }

    @Benchmark
    public int buildFormatCloseSyslog() {
        return plain.format(emitter.record(AppTrackMessage.CLOSE, next(), CloseReason.TCP_FIN), array, 0);
    }

    @Benchmark
    public int buildFormatCreate() {
        return sd.format(emitter.record(AppTrackMessage.CREATE, next(), null), array, 0);
    }
}

package org.apptrack.bench;

import java.util.concurrent.TimeUnit;
import org.apptrack.apptrack.engine.log.AppTrackLogBuilder;
import org.apptrack.apptrack.engine.log.SessionLogFields;
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
 * The producer side of an AppTrack log, as the replay of short flows exercises it: a
 * {@link SessionLogFields} filled the way {@code SessionLogEmitter} fills it (addresses already
 * strings, counters and ports numbers) turned into an {@code APPTRACK_SESSION_CLOSE} /
 * {@code _CREATE} record by {@link AppTrackLogBuilder}, then formatted into a reused byte[].
 *
 * <ul>
 *   <li>{@code buildClose}: the record only;</li>
 *   <li>{@code formatClose}: sd-syslog formatting of records built in advance (what the stream pays);</li>
 *   <li>{@code buildFormatClose*}: both, per format (structured-syslog and syslog need the text body);</li>
 *   <li>{@code buildFormatCreate}: a create record in sd-syslog.</li>
 * </ul>
 * Counters, ports and session id vary per call so no value is a constant. Run with
 * {@code -prof gc} for bytes per record.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@Threads(1)
@State(Scope.Thread)
public class AppTrackRecordBenchmark {

    private final AppTrackLogBuilder builder = new AppTrackLogBuilder();
    private SessionLogFields fields;
    /** Records built in advance, varying as {@link #next()} varies them, for format-only. */
    private final LogRecord[] builtCloses = new LogRecord[1024];
    private SyslogFormatter sd;
    private SyslogFormatter structured;
    private SyslogFormatter plain;
    private byte[] array;
    private int variant;

    @Setup(Level.Trial)
    public void setUp() {
        fields = closeFields();
        for (int i = 0; i < builtCloses.length; i++) {
            builtCloses[i] = builder.close(next());
        }
        variant = 0;
        sd = SyslogFormatter.create(FormatSettings.of(LogFormat.SD_SYSLOG, SrxRecords.HOSTNAME));
        structured = SyslogFormatter.create(FormatSettings.of(LogFormat.STRUCTURED_SYSLOG, SrxRecords.HOSTNAME));
        plain = SyslogFormatter.create(FormatSettings.of(LogFormat.SYSLOG, SrxRecords.HOSTNAME));
        array = new byte[8192];
    }

    /** A close of a short TCP flow as the replay tool logs it (distribution's etc/, no NAT, no user). */
    static SessionLogFields closeFields() {
        SessionLogFields f = new SessionLogFields();
        f.eventTimeMillis = SrxRecords.TIME_MILLIS;
        f.sourceAddress = "10.224.129.218";
        f.sourcePort = 57838;
        f.destinationAddress = "93.184.216.34";
        f.destinationPort = 443;
        f.protocolId = 6;
        f.serviceName = "junos-https";
        f.application = "SSL";
        f.nestedApplication = "UNKNOWN";
        f.category = "Web";
        f.subCategory = "Encrypted";
        f.policyName = "default-policy-logical-system-00";
        f.sourceZoneName = "trust";
        f.destinationZoneName = "untrust";
        f.logicalSystem = "root-logical-system";
        f.sessionId32 = 4091;
        f.packetsFromClient = 12;
        f.bytesFromClient = 1843;
        f.packetsFromServer = 10;
        f.bytesFromServer = 6211;
        f.elapsedTimeSeconds = 3;
        f.encrypted = "No";
        f.closeReason = "TCP FIN";
        return f;
    }

    private SessionLogFields next() {
        int i = variant++ & 1023;
        SessionLogFields f = fields;
        f.sourcePort = 57838 - i;
        f.sessionId32 = 4091 + i;
        f.packetsFromClient = 12 + (i & 7);
        f.bytesFromClient = 1843 + i * 71;
        f.elapsedTimeSeconds = i & 15;
        return f;
    }

    @Benchmark
    public LogRecord buildClose() {
        return builder.close(next());
    }

    @Benchmark
    public int formatClose() {
        return sd.format(builtCloses[variant++ & 1023], array, 0);
    }

    @Benchmark
    public int buildFormatClose() {
        return sd.format(builder.close(next()), array, 0);
    }

    @Benchmark
    public int buildFormatCloseStructured() {
        return structured.format(builder.close(next()), array, 0);
    }

    @Benchmark
    public int buildFormatCloseSyslog() {
        return plain.format(builder.close(next()), array, 0);
    }

    @Benchmark
    public int buildFormatCreate() {
        SessionLogFields f = next();
        f.encrypted = "UNKNOWN";
        int n = sd.format(builder.create(f), array, 0);
        f.encrypted = "No";
        return n;
    }
}

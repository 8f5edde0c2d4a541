package org.apptrack.bench;

import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apptrack.apptrack.api.SessionFilter;
import org.apptrack.apptrack.api.SessionInfo;
import org.apptrack.apptrack.api.SessionOrder;
import org.apptrack.apptrack.config.AppTrackSettings;
import org.apptrack.apptrack.impl.AppTrackRuntime;
import org.apptrack.capture.replay.OfflineReplay;
import org.apptrack.syslog.api.DiscardingSecurityLog;
import org.onosproject.net.packet.PacketProcessor;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What an operator's query costs while {@code live} sessions are open: {@code apptrack:sessions}
 * (and {@code GET /onos/apptrack/v1/sessions}) with the default limit of 100, unfiltered by id and by
 * bytes, and filtered by a zone that no session is in (every session examined, none returned).
 * The runtime holds the packet lock for the whole query, so this is also how long packets wait.
 * The sessions were made by UDP frames through the distribution's packet service.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g"})
@State(Scope.Benchmark)
public class SessionQueryBenchmark {

    private static final int LIMIT = 100;

    @Param({"1000000"})
    public int live;

    private AppTrackRuntime runtime;
    private long now = 1_700_000_000_000_000_000L;

    @Setup
    public void setup() {
        Map<String, Object> config = new HashMap<>();
        config.put("maxSessions", Integer.toString(live));
        config.put("zone.trust.prefixes", "10.0.0.0/8");
        config.put("zone.dmz.prefixes", "192.168.0.0/16");
        config.put("zone.untrust.prefixes", "0.0.0.0/0");
        runtime = new AppTrackRuntime(new DiscardingSecurityLog(), AppTrackSettings.parse(config), () -> now);
        OfflineReplay packets = new OfflineReplay();
        packets.packetService().addProcessor(runtime::process, PacketProcessor.observer(1));
        ByteBuffer frame = ByteBuffer.allocate(14 + 20 + 8 + 64);
        for (int i = 0; i < live; i++) {
            // Client 10.x.y.z:1024-2047 to 93.184.216.34:5004, 64 bytes of payload, sizes varied
            // so that the byte order has something to rank.
            int payload = i % 64;
            frame.clear();
            frame.put(new byte[12]).putShort((short) 0x0800);
            frame.put((byte) 0x45).put((byte) 0).putShort((short) (28 + payload)).putInt(0).put((byte) 64)
                    .put((byte) 17).putShort((short) 0);
            frame.putInt(0x0a00_0000 | (i >>> 10)).putInt(0x5db8_d822);
            frame.putShort((short) (1024 + (i & 1023))).putShort((short) 5004).putShort((short) (8 + payload))
                    .putShort((short) 0).put(new byte[payload]);
            frame.flip();
            now += 1_000;
            packets.deliver(0, now, frame, frame.remaining());
        }
        if (runtime.engine().active() != live) {
            throw new IllegalStateException("expected " + live + " sessions, have " + runtime.engine().active());
        }
    }

    @Benchmark
    public List<SessionInfo> firstHundredById() {
        return runtime.sessions(new SessionFilter(), LIMIT, SessionOrder.ID);
    }

    @Benchmark
    public List<SessionInfo> heaviestHundred() {
        return runtime.sessions(new SessionFilter(), LIMIT, SessionOrder.BYTES);
    }

    @Benchmark
    public List<SessionInfo> zoneWithoutSessions() {
        return runtime.sessions(new SessionFilter().zone("dmz"), LIMIT, SessionOrder.ID);
    }
}

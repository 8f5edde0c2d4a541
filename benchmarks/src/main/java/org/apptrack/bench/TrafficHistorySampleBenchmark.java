package org.apptrack.bench;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.nio.ByteBuffer;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apptrack.apptrack.api.AppTrackService;
import org.apptrack.apptrack.api.Dimension;
import org.apptrack.apptrack.api.SessionAttribute;
import org.apptrack.apptrack.api.SessionFilter;
import org.apptrack.apptrack.api.SessionInfo;
import org.apptrack.apptrack.history.TrafficHistoryManager;
import org.apptrack.apptrack.impl.AppTrackManager;
import org.apptrack.capture.replay.OfflineReplay;
import org.apptrack.syslog.api.DiscardingSecurityLog;
import org.onosproject.core.CoreService;
import org.onosproject.core.DefaultApplicationId;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What the dashboard's traffic history costs each second: one {@code TrafficHistoryManager}
 * sample (read up to 100,000 open sessions through {@link AppTrackService#sessions}, bytes per
 * name in five dimensions, closed bytes added, recorded into the history's rings) while
 * {@code live} UDP sessions are open, and, apart, only the read of the open sessions, which is
 * how long packets wait for the session table each second (and, for comparison, the same read
 * describing every attribute, as a listing does).
 *
 * <p>Both components are the real ones, activated outside OSGi as the container would (their
 * references set, then {@code activate}): {@link AppTrackManager} fed with frames through the
 * capture's packet service, its time the capture's clock (which stops with the last frame, so no
 * session ages out while measuring). The sessions vary as a network's would: 30 custom
 * applications by server port plus sessions no application matched, clients in two zones, 80
 * users and clients without one, servers in two zones.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g"})
@State(Scope.Benchmark)
public class TrafficHistorySampleBenchmark {

    private static final int APPLICATIONS = 30;
    private static final int SERVER_PORTS = 36; // six ports no custom application claims
    private static final int CLIENT_SUBNETS = 100;
    private static final int USERS = 80;
    private static final int SERVERS = 50;
    private static final int DMZ_SERVERS = 10;
    /** What the sampler reads of each session: the dimensions' attributes and the bytes. */
    private static final Set<SessionAttribute> SAMPLED = EnumSet.of(SessionAttribute.APPLICATION,
            SessionAttribute.NESTED_APPLICATION, SessionAttribute.SOURCE_ZONE, SessionAttribute.DESTINATION_ZONE,
            SessionAttribute.USERNAME, SessionAttribute.BYTES_FROM_CLIENT, SessionAttribute.BYTES_FROM_SERVER);

    @Param({"1000", "10000", "100000"})
    public int live;

    private final OfflineReplay packets = new OfflineReplay();
    private final AppTrackManager appTrack = new AppTrackManager();
    private TrafficHistoryManager history;
    private MethodHandle sample;
    private long nowMillis = 1_800_000_000_000L;

    @Setup
    public void setup() throws Exception {
        set(appTrack, "packetService", packets.packetService());
        set(appTrack, "coreService", Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {CoreService.class}, (proxy, method, args) -> {
                    if (method.getName().equals("registerApplication")) {
                        return new DefaultApplicationId(1, (String) args[0]);
                    }
                    throw new UnsupportedOperationException(method.getName());
                }));
        set(appTrack, "securityLog", new DiscardingSecurityLog());
        set(appTrack, "clock", packets.clock());
        invoke(appTrack, "activate", Map.class, configuration());

        ByteBuffer frame = ByteBuffer.allocate(14 + 20 + 8 + 64);
        long now = nowMillis * 1_000_000L;
        for (int i = 0; i < live; i++) {
            // i = subnet + 100 * host + 25,000 * port offset: a distinct client address and port each
            int client = 0x0a00_0000 | (i % CLIENT_SUBNETS) << 8 | ((i / CLIENT_SUBNETS) % 250 + 1);
            int clientPort = 1024 + i / (CLIENT_SUBNETS * 250);
            int server = (i / 7) % SERVERS;
            int serverAddress = server < DMZ_SERVERS ? 0xc0a8_0100 | (server + 1) : 0xcb00_7100 | (server + 1);
            int payload = i % 64;
            frame.clear();
            frame.put(new byte[12]).putShort((short) 0x0800);
            frame.put((byte) 0x45).put((byte) 0).putShort((short) (28 + payload)).putInt(0).put((byte) 64)
                    .put((byte) 17).putShort((short) 0);
            frame.putInt(client).putInt(serverAddress);
            frame.putShort((short) clientPort).putShort((short) (5000 + i % SERVER_PORTS))
                    .putShort((short) (8 + payload)).putShort((short) 0).put(new byte[payload]);
            frame.flip();
            now += 1_000;
            packets.deliver(0, now, frame, frame.remaining());
        }
        List<SessionInfo> open = appTrack.sessions(new SessionFilter(), Integer.MAX_VALUE);
        if (open.size() != live) {
            throw new IllegalStateException("expected " + live + " sessions, have " + open.size());
        }
        System.out.println();
        System.out.println("Distinct names per dimension: " + distinctNames(open));

        history = new TrafficHistoryManager();
        set(history, "appTrack", appTrack);
        Method m = TrafficHistoryManager.class.getDeclaredMethod("sample", long.class);
        m.setAccessible(true);
        sample = MethodHandles.lookup().unreflect(m).asType(MethodType.methodType(void.class,
                TrafficHistoryManager.class, long.class));
    }

    @TearDown
    public void tearDown() throws Exception {
        invoke(appTrack, "deactivate", null, null);
    }

    /** One second's sample: read, merge, record. */
    @Benchmark
    public TrafficHistoryManager sample() throws Throwable {
        nowMillis += 1_000;
        sample.invokeExact(history, nowMillis);
        return history;
    }

    /** The read alone, as the sample makes it (its attributes only): the table's lock is held for all of it. */
    @Benchmark
    public List<SessionInfo> readOpenSessions() {
        return appTrack.openSessions(100_000, SAMPLED);
    }

    /** The same sessions described by every attribute, as a listing of them all would read them. */
    @Benchmark
    public List<SessionInfo> readOpenSessionsEveryAttribute() {
        return appTrack.sessions(new SessionFilter(), 100_000);
    }

    private Map<String, Object> configuration() {
        Map<String, Object> config = new HashMap<>();
        config.put("maxSessions", Integer.toString(Math.max(live, 1024)));
        config.put("zone.trust.prefixes", "10.0.0.0/18");
        config.put("zone.guest.prefixes", "10.0.64.0/18");
        config.put("zone.dmz.prefixes", "192.168.0.0/16");
        config.put("zone.untrust.prefixes", "0.0.0.0/0");
        for (String from : List.of("trust", "guest")) {
            for (String to : List.of("dmz", "untrust")) {
                config.put("policy." + from + "." + to, from + "-to-" + to);
                config.put("policy." + from + "." + to + ".userIdentity", "true");
            }
        }
        for (int u = 0; u < USERS; u++) {
            config.put("user.user" + u + ".addresses", "10.0." + u + ".0/24");
        }
        for (int a = 0; a < APPLICATIONS; a++) {
            config.put("customApplication.app" + a + ".over", "UDP");
            config.put("customApplication.app" + a + ".ports", Integer.toString(5000 + a));
        }
        return config;
    }

    private static Map<Dimension, Integer> distinctNames(List<SessionInfo> sessions) {
        Map<Dimension, Integer> counts = new EnumMap<>(Dimension.class);
        for (Dimension d : Dimension.values()) {
            Set<String> names = new HashSet<>();
            sessions.forEach(s -> names.add(d.nameOf(s)));
            counts.put(d, names.size());
        }
        return counts;
    }

    private static void set(Object target, String field, Object value) throws ReflectiveOperationException {
        Field f = target.getClass().getDeclaredField(field);
        f.setAccessible(true);
        f.set(target, value);
    }

    private static void invoke(Object target, String method, Class<?> type, Object argument)
            throws ReflectiveOperationException {
        Method m = type == null ? target.getClass().getDeclaredMethod(method)
                : target.getClass().getDeclaredMethod(method, type);
        m.setAccessible(true);
        if (type == null) {
            m.invoke(target);
        } else {
            m.invoke(target, argument);
        }
    }
}

package org.apptrack.apptrack.engine.log;

import java.util.Map;
import java.util.TreeMap;
import org.apptrack.apptrack.engine.AppTrackEngine;
import org.apptrack.apptrack.engine.CloseReason;
import org.apptrack.apptrack.engine.SessionEventListener;
import org.apptrack.apptrack.engine.catalog.PortServiceMap;
import org.apptrack.apptrack.engine.classify.ApplicationCatalog;
import org.apptrack.apptrack.engine.classify.PortClassifier;
import org.apptrack.apptrack.engine.decode.FrameDecoder;
import org.apptrack.apptrack.engine.session.SessionTable;
import org.apptrack.apptrack.engine.zone.SecurityZones;
import org.apptrack.apptrack.engine.zone.ZonePolicy;
import org.apptrack.syslog.api.LogRecord;
import org.apptrack.syslog.api.SecurityLogService;

/**
 * Turns the engine's session events into AppTrack log records for the security log: create
 * (when {@code log-session-create} is on), volume update, close (when {@code log-session-close}
 * is on), as an SRX does. Runs on the engine's thread; one reusable field holder.
 */
public final class SessionLogEmitter implements SessionEventListener {

    private final SecurityLogService securityLog;
    private final AppTrackLogBuilder builder = new AppTrackLogBuilder();
    private final PortServiceMap services = PortServiceMap.junosDefaults();
    private final SessionLogFields fields = new SessionLogFields();
    private boolean logCreate;
    private boolean logClose;
    private SecurityZones zones;
    private AppTrackEngine engine;
    private ApplicationCatalog applications = new PortClassifier(PortServiceMap.junosDefaults());
    private long creates;
    private long updates;
    private long closes;
    private long failures;
    /** Closed sessions per application; the catalog is small and fixed, so this stops allocating. */
    private final Map<String, long[]> closedByApplication = new TreeMap<>();

    /**
     * @param zones names the zones, policy and user of each session (by its policy index)
     * @param logCreate Junos {@code log-session-create}
     * @param logClose Junos {@code log-session-close}
     */
    public SessionLogEmitter(SecurityLogService securityLog, SecurityZones zones, boolean logCreate,
                             boolean logClose) {
        this.securityLog = securityLog;
        this.zones = zones;
        this.logCreate = logCreate;
        this.logClose = logClose;
    }

    /** A new configuration; the next log of every session uses it. */
    public void configure(SecurityZones newZones, boolean newLogCreate, boolean newLogClose) {
        this.zones = newZones;
        this.logCreate = newLogCreate;
        this.logClose = newLogClose;
    }

    /** The engine whose events these are (event times, application names); set before the first packet. */
    public void engine(AppTrackEngine source) {
        this.engine = source;
        this.applications = source.classifier().catalog();
    }

    @Override
    public void sessionCreated(SessionTable table, int s) {
        if (logCreate) {
            fill(table, s, true);
            emit(builder.create(fields));
            creates++;
        }
    }

    @Override
    public void sessionUpdated(SessionTable table, int s) {
        fill(table, s, false);
        emit(builder.volumeUpdate(fields));
        updates++;
    }

    @Override
    public void sessionClosed(SessionTable table, int s, CloseReason reason) {
        String application = applications.application(table.applicationId(s));
        long[] count = closedByApplication.get(application);
        if (count == null) {
            count = new long[1];
            closedByApplication.put(application, count);
        }
        count[0]++;
        if (logClose) {
            fill(table, s, false);
            fields.closeReason = reason.wireName();
            emit(builder.close(fields));
            closes++;
        }
    }

    private void emit(LogRecord record) {
        try {
            securityLog.log(record);
        } catch (RuntimeException e) {
            failures++; // the security log never throws; a listener of it might
        }
    }

    private void fill(SessionTable t, int s, boolean atCreate) {
        SessionLogFields f = fields.reset();
        long eventNanos = engine != null ? engine.eventNanos() : t.lastSeenNanos(s);
        f.eventTimeMillis = Math.floorDiv(eventNanos, 1_000_000L);
        f.sourceAddress = FrameDecoder.formatAddress(t.clientAddrHi(s), t.clientAddrLo(s));
        f.sourcePort = t.clientPort(s);
        f.destinationAddress = FrameDecoder.formatAddress(t.serverAddrHi(s), t.serverAddrLo(s));
        f.destinationPort = t.serverPort(s);
        f.protocolId = t.protocol(s);
        PortServiceMap.Entry service = services.entry(services.lookup(t.protocol(s), t.serverPort(s),
                t.clientPort(s)));
        f.serviceName = service.serviceName();
        // At creation identification has not run yet: an SRX logs UNKNOWN and N/A there.
        int app = atCreate ? 0 : t.applicationId(s);
        int nested = atCreate ? 0 : t.nestedApplicationId(s);
        f.application = applications.application(app);
        f.nestedApplication = applications.application(nested);
        f.category = applications.category(app);
        f.subCategory = applications.subCategory(app);
        ZonePolicy policy = zones.policy(t.policy(s));
        f.policyName = policy.policyName();
        f.sourceZoneName = policy.sourceZone().name();
        f.destinationZoneName = policy.destinationZone().name();
        f.logicalSystem = policy.logicalSystem();
        f.username = zones.username(policy, t.clientAddrHi(s), t.clientAddrLo(s));
        f.roles = zones.roles(policy, t.clientAddrHi(s), t.clientAddrLo(s));
        f.sessionId32 = t.sessionId(s) & 0xffffffffL;
        f.packetsFromClient = t.clientPackets(s);
        f.bytesFromClient = t.clientBytes(s);
        f.packetsFromServer = t.serverPackets(s);
        f.bytesFromServer = t.serverBytes(s);
        f.elapsedTimeSeconds = Math.max(0, (eventNanos - t.startNanos(s)) / 1_000_000_000L);
        f.encrypted = atCreate ? "UNKNOWN" : "No";
    }

    public long creates() {
        return creates;
    }

    public long updates() {
        return updates;
    }

    public long closes() {
        return closes;
    }

    /** Closed sessions by application name, sorted by name. */
    public Map<String, Long> closedByApplication() {
        Map<String, Long> result = new TreeMap<>();
        closedByApplication.forEach((k, v) -> result.put(k, v[0]));
        return result;
    }

    /** Records the security log refused (should stay 0). */
    public long failures() {
        return failures;
    }
}

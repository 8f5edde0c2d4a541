package org.apptrack.apptrack.config;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apptrack.apptrack.appid.AppIdSettings;
import org.apptrack.apptrack.appid.custom.CustomApplications;
import org.apptrack.apptrack.engine.EngineSettings;
import org.apptrack.apptrack.engine.zone.SecurityZones;

/**
 * AppTrack's configuration ({@code etc/org.apptrack.apptrack.cfg}), validated: {@link #parse}
 * names the property it rejects. Intervals and timeouts are in seconds, as in Junos.
 */
public final class AppTrackSettings {

    public static final String PID = "org.apptrack.apptrack";

    private final EngineSettings engine;
    private final SecurityZones zones;
    private final boolean logSessionCreate;
    private final boolean logSessionClose;
    private final List<ManagementEndpoint> managementEndpoints;
    private final boolean applicationIdentification;
    private final AppIdSettings appId;
    private final CustomApplications customApplications;
    private final OffloadSettings offload;

    @SuppressWarnings("checkstyle:ParameterNumber")
    private AppTrackSettings(EngineSettings engine, SecurityZones zones, boolean logSessionCreate,
                             boolean logSessionClose, List<ManagementEndpoint> managementEndpoints,
                             boolean applicationIdentification, AppIdSettings appId,
                             CustomApplications customApplications, OffloadSettings offload) {
        this.engine = engine;
        this.zones = zones;
        this.logSessionCreate = logSessionCreate;
        this.logSessionClose = logSessionClose;
        this.managementEndpoints = managementEndpoints;
        this.applicationIdentification = applicationIdentification;
        this.appId = appId;
        this.customApplications = customApplications;
        this.offload = offload;
    }

    /**
     * @throws IllegalArgumentException with a message that starts with the property name
     */
    public static AppTrackSettings parse(Map<String, ?> props) {
        EngineSettings.Builder b = EngineSettings.builder()
                .maxSessions((int) number(props, "maxSessions", 1_000_000, 1, 64_000_000))
                .sessionUpdateInterval(seconds(props, "sessionUpdateInterval", 300, 1, 86_400))
                .tcpTimeout(seconds(props, "tcpTimeout", 1800, 4, 86_400))
                .tcpInitialTimeout(seconds(props, "tcpInitialTimeout", 20, 4, 300))
                .rstInvalidateSession(bool(props, "rstInvalidateSession", false))
                .finInvalidateSession(bool(props, "finInvalidateSession", false))
                .udpTimeout(seconds(props, "udpTimeout", 60, 4, 86_400))
                .icmpTimeout(seconds(props, "icmpTimeout", 60, 4, 86_400))
                .otherTimeout(seconds(props, "otherTimeout", 60, 4, 86_400))
                .firstUpdate(bool(props, "firstUpdate", false))
                .volumeUpdates(!bool(props, "noVolumeUpdates", false))
                .vlanInSessionKey(bool(props, "vlanInSessionKey", false))
                .classificationSlots((int) number(props, "inspectionSessions", 16384, 1, 1 << 22));
        long first = number(props, "firstUpdateInterval", 0, 0, 86_400);
        if (first > 0) {
            b.firstUpdateInterval(Duration.ofSeconds(first));
        }
        EngineSettings engine;
        try {
            engine = b.build();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("engine: " + e.getMessage(), e);
        }
        // Junos first-update (deprecated in 21.1R1, when log-session-create came): "generate an
        // AppTrack start message when a new session begins", i.e. the create message.
        boolean logSessionCreate = bool(props, "logSessionCreate", false) || engine.firstUpdate();
        AppIdSettings appId = new AppIdSettings(
                (int) number(props, "inspectionPackets", AppIdSettings.DEFAULT_PACKETS_PER_DIRECTION, 1, 255),
                (int) number(props, "inspectionBytes", AppIdSettings.DEFAULT_BYTES_PER_DIRECTION, 1, 65535),
                (int) number(props, "applicationSystemCacheEntries", AppIdSettings.DEFAULT_CACHE_ENTRIES, 1, 1 << 24),
                number(props, "applicationSystemCacheTimeout", AppIdSettings.DEFAULT_CACHE_SECONDS, 1, 604_800));
        SecurityZones zones = ZoneSettings.parse(props);
        return new AppTrackSettings(engine, zones, logSessionCreate,
                bool(props, "logSessionClose", false),
                ManagementEndpoints.parse(props.get(ManagementEndpoints.PROPERTY)),
                bool(props, "applicationIdentification", true), appId, CustomApplications.parse(props),
                OffloadSettings.parse(props, zones));
    }

    /** Offload mode: which sessions the switches count once classified ({@code offload.*}). */
    public OffloadSettings offload() {
        return offload;
    }

    /** The operator's applications ({@code customApplication.NAME.*}). */
    public CustomApplications customApplications() {
        return customApplications;
    }

    /**
     * Whether sessions' payload is inspected to identify their application (Junos
     * {@code services application-identification}); off, the server port names it.
     */
    public boolean applicationIdentification() {
        return applicationIdentification;
    }

    /** Application identification's inspection budget and application system cache. */
    public AppIdSettings appId() {
        return appId;
    }

    public EngineSettings engine() {
        return engine;
    }

    /** Zones, policies and static identities. */
    public SecurityZones zones() {
        return zones;
    }

    /** Junos {@code log-session-create}, also on with the deprecated {@code first-update}. */
    public boolean logSessionCreate() {
        return logSessionCreate;
    }

    /** Junos {@code log-session-close}. */
    public boolean logSessionClose() {
        return logSessionClose;
    }

    /** Endpoints whose traffic is management of this host, not tracked ({@code managementEndpoints}). */
    public List<ManagementEndpoint> managementEndpoints() {
        return managementEndpoints;
    }

    private static String text(Map<String, ?> props, String key, String fallback) {
        Object v = props.get(key);
        return v == null || v.toString().trim().isEmpty() ? fallback : v.toString().trim();
    }

    static boolean bool(Map<String, ?> props, String key, boolean fallback) {
        return bool(props, key, fallback, "");
    }

    /** {@code keyPrefix} completes the property name in the error message. */
    static boolean bool(Map<String, ?> props, String key, boolean fallback, String keyPrefix) {
        String v = text(props, key, Boolean.toString(fallback)).toLowerCase(Locale.ROOT);
        if (!v.equals("true") && !v.equals("false")) {
            throw new IllegalArgumentException(keyPrefix + key + ": not true or false: " + v);
        }
        return Boolean.parseBoolean(v);
    }

    private static long number(Map<String, ?> props, String key, long fallback, long min, long max) {
        String v = text(props, key, Long.toString(fallback));
        long n;
        try {
            n = Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + ": not a number: " + v, e);
        }
        if (n < min || n > max) {
            throw new IllegalArgumentException(key + ": out of range " + min + ".." + max + ": " + n);
        }
        return n;
    }

    private static Duration seconds(Map<String, ?> props, String key, long fallback, long min, long max) {
        return Duration.ofSeconds(number(props, key, fallback, min, max));
    }
}

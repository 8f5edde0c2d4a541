package org.apptrack.appqoe.config;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import org.apptrack.appqoe.probe.Dscp;
import org.apptrack.appqoe.probe.stamp.ProbePathSettings;

/**
 * Junos {@code sla-options active-probe-params NAME settings}: how the paths of an SLA rule are
 * probed. Every {@code interval} a burst of {@code burstSize} probes leaves on each path; the
 * active SLA report goes out once per {@code slaExportInterval} and path, with the figures of the
 * sampling period that just closed, and
 * {@code count} (Junos probe-count) is the number of resolved probes a measurement needs.
 */
public final class ActiveProbeConfig {

    static final Set<String> FIELDS = Set.of("type", "interval", "count", "burstSize", "dataSize", "dscp",
            "lossTimeout", "url", "slaExportInterval");

    /** The STAMP sender's outstanding-probe table holds at most this many. */
    static final int MAX_OUTSTANDING = 65536;

    private final String name;
    private final ProbeType type;
    private final Duration interval;
    private final int count;
    private final int burstSize;
    private final int dataSize;
    private final int dscp;
    private final Duration lossTimeout;
    private final URI url;
    private final Duration slaExportInterval;

    @SuppressWarnings("checkstyle:ParameterNumber")
    private ActiveProbeConfig(String name, ProbeType type, Duration interval, int count, int burstSize, int dataSize,
                              int dscp, Duration lossTimeout, URI url, Duration slaExportInterval) {
        this.name = name;
        this.type = type;
        this.interval = interval;
        this.count = count;
        this.burstSize = burstSize;
        this.dataSize = dataSize;
        this.dscp = dscp;
        this.lossTimeout = lossTimeout;
        this.url = url;
        this.slaExportInterval = slaExportInterval;
    }

    static ActiveProbeConfig parse(String name, KeyedFields f) {
        f.allowOnly(FIELDS, Set.of());
        String typeName = f.choice("type", "stamp", "stamp", "http-head");
        ProbeType type = typeName.equals("stamp") ? ProbeType.STAMP : ProbeType.HTTP_HEAD;
        Duration interval = f.duration("interval", Duration.ofSeconds(1), Duration.ofMillis(10), Duration.ofSeconds(60));
        int count = f.integer("count", 5, 1, 1000);
        int burstSize = f.integer("burstSize", 1, 1, 64);
        int dataSize = f.integer("dataSize", 0, 0, 1400);
        int dscp = 0;
        if (f.has("dscp")) {
            try {
                dscp = Dscp.parse(f.text("dscp"));
            } catch (IllegalArgumentException e) {
                throw f.error("dscp", e.getMessage());
            }
        }
        Duration lossTimeout = f.duration("lossTimeout", Duration.ofSeconds(1), Duration.ofMillis(10), Duration.ofSeconds(60));
        if (outstanding(interval, burstSize, lossTimeout) > MAX_OUTSTANDING) {
            throw f.error("lossTimeout", "with bursts of " + burstSize + " every " + Durations.format(interval)
                    + " more than " + MAX_OUTSTANDING + " probes would wait for replies, was " + f.text("lossTimeout"));
        }
        Duration export = f.duration("slaExportInterval", Duration.ofSeconds(60), Duration.ofSeconds(1), Duration.ofHours(1));
        URI url = null;
        if (type == ProbeType.HTTP_HEAD) {
            String u = f.required("url");
            try {
                url = new URI(u);
            } catch (java.net.URISyntaxException e) {
                throw f.error("url", "not a URL: '" + u + "'");
            }
            String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || url.getHost() == null) {
                throw f.error("url", "must be an http:// or https:// URL with a host, was '" + u + "'");
            }
        } else if (f.has("url")) {
            throw f.error("url", "only for type http-head");
        }
        return new ActiveProbeConfig(name, type, interval, count, burstSize, dataSize, dscp, lossTimeout, url, export);
    }

    /**
     * The STAMP sender's settings for one path: from the path's source address (any port) to its
     * reflector, probing until stopped.
     *
     * @throws IllegalStateException when this is not a STAMP probe or the path has no source or reflector
     *     (a parsed configuration never asks for that)
     */
    public ProbePathSettings stampSettings(PathConfig path) {
        if (type != ProbeType.STAMP || path.sourceAddress() == null || path.reflector() == null) {
            throw new IllegalStateException("active-probe-params " + name + " cannot probe " + path.id() + " with STAMP");
        }
        return ProbePathSettings.builder(path.id())
                .source(path.sourceAddress(), 0)
                .reflector(path.reflector())
                .dscp(dscp)
                .probeCount(0)
                .burstSize(burstSize)
                .padding(dataSize)
                .interval(interval)
                .lossTimeout(lossTimeout)
                .maxOutstanding((int) Math.max(64, outstanding(interval, burstSize, lossTimeout)))
                .build();
    }

    /** Probes that can wait for a reply at once when none comes: every burst sent within one loss timeout. */
    private static long outstanding(Duration interval, int burstSize, Duration lossTimeout) {
        long bursts = (lossTimeout.toNanos() + interval.toNanos() - 1) / interval.toNanos() + 1;
        return bursts * burstSize;
    }

    public String name() {
        return name;
    }

    public ProbeType type() {
        return type;
    }

    /** Junos probe-interval: time between bursts. */
    public Duration interval() {
        return interval;
    }

    /** Junos probe-count: resolved probes one measurement needs. */
    public int count() {
        return count;
    }

    /** Junos burst-size: probes sent back to back each interval. */
    public int burstSize() {
        return burstSize;
    }

    /** Junos data-size: padding bytes added to each probe. */
    public int dataSize() {
        return dataSize;
    }

    /** Junos dscp-code-points as a number 0-63. */
    public int dscp() {
        return dscp;
    }

    public Duration lossTimeout() {
        return lossTimeout;
    }

    /** The HTTP HEAD target; null for STAMP. */
    public URI url() {
        return url;
    }

    /** Junos sla-export-interval: how often APPQOE_ACTIVE_SLA_METRIC_REPORT is logged per path. */
    public Duration slaExportInterval() {
        return slaExportInterval;
    }

    @Override
    public String toString() {
        return "active-probe-params " + name + " " + type.configName() + " every " + Durations.format(interval)
                + " burst " + burstSize + " count " + count + " dscp " + dscp
                + (url == null ? "" : " url " + url);
    }
}

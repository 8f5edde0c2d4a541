package org.apptrack.appqoe.probe.http;

import java.net.InetAddress;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import org.apptrack.appqoe.probe.Dscp;

/**
 * How one path is probed with HTTP HEAD: from the path's source address to {@code target} (an
 * {@code http://} or {@code https://} URL; https verifies the server's certificate and name against
 * the JVM's trusted authorities), with the probe's DSCP, one request every {@code interval}. A request
 * without response after {@code lossTimeout} is lost; at most {@code maxOutstanding} requests
 * wait for their response at a time (more than one pipelines them on the connection).
 */
public final class HttpProbeSettings {

    /** Pipelining deeper than this only hides a dead server. */
    public static final int MAX_OUTSTANDING = 16;

    private final String pathId;
    private final InetAddress sourceAddress;
    private final URI target;
    private final boolean tls;
    private final String host;
    private final int port;
    private final String requestTarget;
    private final int dscp;
    private final Duration interval;
    private final Duration lossTimeout;
    private final int maxOutstanding;

    private HttpProbeSettings(Builder b) {
        if (b.pathId == null || b.pathId.isEmpty()) {
            throw new IllegalArgumentException("pathId must not be empty");
        }
        pathId = b.pathId;
        sourceAddress = Objects.requireNonNull(b.sourceAddress, "sourceAddress");
        target = Objects.requireNonNull(b.target, "target");
        String scheme = target.getScheme() == null ? "" : target.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException("target must be an http:// or https:// URL: " + target);
        }
        tls = scheme.equals("https");
        if (target.getHost() == null || target.getHost().isEmpty()) {
            throw new IllegalArgumentException("target must name a host: " + target);
        }
        if (target.getRawUserInfo() != null) {
            throw new IllegalArgumentException("target must not carry user information: " + target);
        }
        host = target.getHost();
        port = target.getPort() == -1 ? defaultPort() : target.getPort();
        String path = target.getRawPath() == null || target.getRawPath().isEmpty() ? "/" : target.getRawPath();
        requestTarget = target.getRawQuery() == null ? path : path + "?" + target.getRawQuery();
        dscp = Dscp.check("dscp", b.dscp);
        interval = positive("interval", b.interval);
        lossTimeout = positive("lossTimeout", b.lossTimeout);
        if (b.maxOutstanding < 1 || b.maxOutstanding > MAX_OUTSTANDING) {
            throw new IllegalArgumentException("maxOutstanding must be 1.." + MAX_OUTSTANDING + ": " + b.maxOutstanding);
        }
        maxOutstanding = b.maxOutstanding;
    }

    private static Duration positive(String field, Duration value) {
        Objects.requireNonNull(value, field);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(field + " must be positive: " + value);
        }
        return value;
    }

    public static Builder builder(String pathId) {
        return new Builder(pathId);
    }

    public String pathId() {
        return pathId;
    }

    /** The path's uplink address; the connection is bound to it (any free port). */
    public InetAddress sourceAddress() {
        return sourceAddress;
    }

    public URI target() {
        return target;
    }

    /** The target's host name or literal address, for the connection and the Host header. */
    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    /** True for https: the HEAD requests go over TLS. */
    public boolean tls() {
        return tls;
    }

    private int defaultPort() {
        return tls ? 443 : 80;
    }

    /** The request line's target: path and query, "/" when the URL has no path. */
    public String requestTarget() {
        return requestTarget;
    }

    /** The Host header: the host with the port when it is not the default. */
    public String hostHeader() {
        String name = host.indexOf(':') >= 0 && !host.startsWith("[") ? "[" + host + "]" : host;
        return port == defaultPort() ? name : name + ":" + port;
    }

    public int dscp() {
        return dscp;
    }

    public Duration interval() {
        return interval;
    }

    public Duration lossTimeout() {
        return lossTimeout;
    }

    public int maxOutstanding() {
        return maxOutstanding;
    }

    @Override
    public String toString() {
        return "path " + pathId + " " + sourceAddress.getHostAddress() + " -> HEAD " + target + " dscp " + dscp
                + " every " + interval + ", loss after " + lossTimeout + ", " + maxOutstanding + " outstanding";
    }

    /** Defaults: best effort, one request every second, 1 s loss timeout, one outstanding. */
    public static final class Builder {
        private final String pathId;
        private InetAddress sourceAddress;
        private URI target;
        private int dscp;
        private Duration interval = Duration.ofSeconds(1);
        private Duration lossTimeout = Duration.ofSeconds(1);
        private int maxOutstanding = 1;

        private Builder(String pathId) {
            this.pathId = pathId;
        }

        public Builder source(InetAddress address) {
            sourceAddress = address;
            return this;
        }

        public Builder target(URI url) {
            target = url;
            return this;
        }

        /** The target as text; IllegalArgumentException naming the field when it is no URL. */
        public Builder target(String url) {
            try {
                target = new URI(Objects.requireNonNull(url, "target"));
            } catch (java.net.URISyntaxException e) {
                throw new IllegalArgumentException("target is not a URL: " + e.getMessage(), e);
            }
            return this;
        }

        public Builder dscp(int value) {
            dscp = value;
            return this;
        }

        public Builder interval(Duration value) {
            interval = value;
            return this;
        }

        public Builder lossTimeout(Duration value) {
            lossTimeout = value;
            return this;
        }

        public Builder maxOutstanding(int value) {
            maxOutstanding = value;
            return this;
        }

        /** The settings; IllegalArgumentException naming the first invalid field. */
        public HttpProbeSettings build() {
            return new HttpProbeSettings(this);
        }
    }
}

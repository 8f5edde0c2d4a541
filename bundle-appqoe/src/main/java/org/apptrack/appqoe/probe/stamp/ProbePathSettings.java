package org.apptrack.appqoe.probe.stamp;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Objects;
import org.apptrack.appqoe.probe.Dscp;

/**
 * How one path is probed: from its source address to a reflector, with the probe's DSCP, in
 * bursts of {@code burstSize} probes every {@code interval}, {@code probeCount} probes in all
 * (0: until stopped), each padded with {@code padding} zero bytes after its 44 (Junos's
 * data-size: larger probes see what larger packets see, e.g. an MTU or a rate limit). A probe
 * without reply after {@code lossTimeout} is lost; at most {@code maxOutstanding} probes wait for
 * a reply at a time.
 */
public final class ProbePathSettings {

    /** The most padding: 44 + 1400 bytes stay inside a 1,500-byte MTU with IPv6 and UDP headers. */
    public static final int MAX_PADDING = 1400;

    private final String pathId;
    private final InetAddress sourceAddress;
    private final int sourcePort;
    private final InetSocketAddress reflector;
    private final int dscp;
    private final long probeCount;
    private final int burstSize;
    private final Duration interval;
    private final Duration lossTimeout;
    private final int maxOutstanding;
    private final int padding;

    private ProbePathSettings(Builder b) {
        if (b.pathId == null || b.pathId.isEmpty()) {
            throw new IllegalArgumentException("pathId must not be empty");
        }
        pathId = b.pathId;
        sourceAddress = Objects.requireNonNull(b.sourceAddress, "sourceAddress");
        if (b.sourcePort < 0 || b.sourcePort > 65535) {
            throw new IllegalArgumentException("sourcePort must be 0..65535: " + b.sourcePort);
        }
        sourcePort = b.sourcePort;
        reflector = Objects.requireNonNull(b.reflector, "reflector");
        if (reflector.isUnresolved() || reflector.getPort() == 0) {
            throw new IllegalArgumentException("reflector must be a resolved address with a port: " + reflector);
        }
        if (reflector.getAddress().getClass() != sourceAddress.getClass()) {
            throw new IllegalArgumentException("reflector " + reflector.getAddress().getHostAddress()
                    + " and sourceAddress " + sourceAddress.getHostAddress() + " must be of one IP family");
        }
        dscp = Dscp.check("dscp", b.dscp);
        if (b.probeCount < 0) {
            throw new IllegalArgumentException("probeCount must be >= 0: " + b.probeCount);
        }
        probeCount = b.probeCount;
        if (b.burstSize < 1) {
            throw new IllegalArgumentException("burstSize must be >= 1: " + b.burstSize);
        }
        burstSize = b.burstSize;
        interval = positive("interval", b.interval);
        lossTimeout = positive("lossTimeout", b.lossTimeout);
        if (b.maxOutstanding < 1 || b.maxOutstanding > OutstandingProbes.MAX_CAPACITY) {
            throw new IllegalArgumentException("maxOutstanding must be 1.." + OutstandingProbes.MAX_CAPACITY
                    + ": " + b.maxOutstanding);
        }
        maxOutstanding = b.maxOutstanding;
        if (b.padding < 0 || b.padding > MAX_PADDING) {
            throw new IllegalArgumentException("padding must be 0.." + MAX_PADDING + ": " + b.padding);
        }
        padding = b.padding;
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

    public InetAddress sourceAddress() {
        return sourceAddress;
    }

    /** 0: any free port. */
    public int sourcePort() {
        return sourcePort;
    }

    public InetSocketAddress reflector() {
        return reflector;
    }

    public int dscp() {
        return dscp;
    }

    /** 0: probe until stopped. */
    public long probeCount() {
        return probeCount;
    }

    public int burstSize() {
        return burstSize;
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

    /** Zero bytes after the 44 of each probe. */
    public int padding() {
        return padding;
    }

    @Override
    public String toString() {
        return "path " + pathId + " " + sourceAddress.getHostAddress() + ":" + sourcePort + " -> "
                + reflector.getAddress().getHostAddress() + ":" + reflector.getPort() + " dscp " + dscp
                + ", " + probeCount + " probes in bursts of " + burstSize + " every " + interval
                + ", " + (SenderTestPacket.LENGTH + padding) + " bytes, loss after " + lossTimeout + ", "
                + maxOutstanding + " outstanding";
    }

    /**
     * Defaults: any source port, best effort, until stopped, bursts of 1 every second, no padding,
     * 1 s loss timeout, 64 outstanding.
     */
    public static final class Builder {
        private final String pathId;
        private InetAddress sourceAddress;
        private int sourcePort;
        private InetSocketAddress reflector;
        private int dscp;
        private long probeCount;
        private int burstSize = 1;
        private Duration interval = Duration.ofSeconds(1);
        private Duration lossTimeout = Duration.ofSeconds(1);
        private int maxOutstanding = 64;
        private int padding;

        private Builder(String pathId) {
            this.pathId = pathId;
        }

        public Builder source(InetAddress address, int port) {
            sourceAddress = address;
            sourcePort = port;
            return this;
        }

        public Builder reflector(InetSocketAddress address) {
            reflector = address;
            return this;
        }

        public Builder dscp(int value) {
            dscp = value;
            return this;
        }

        public Builder probeCount(long value) {
            probeCount = value;
            return this;
        }

        public Builder burstSize(int value) {
            burstSize = value;
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

        public Builder padding(int bytes) {
            padding = bytes;
            return this;
        }

        /** The settings; IllegalArgumentException naming the first invalid field. */
        public ProbePathSettings build() {
            return new ProbePathSettings(this);
        }
    }
}

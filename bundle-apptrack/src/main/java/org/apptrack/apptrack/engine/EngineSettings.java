package org.apptrack.apptrack.engine;

import java.time.Duration;
import org.apptrack.apptrack.engine.session.SessionTable;

/**
 * Immutable settings of an {@link AppTrackEngine}; build with {@link #builder()}. All times are
 * returned in nanoseconds.
 *
 * <p>Defaults (Junos): TCP idle timeout 1800 s, UDP 60 s (Juniper "Flow-Based Sessions": "the
 * default timeout for TCP is 1800 seconds. The default timeout for UDP is 60 seconds"); ICMP and
 * other protocols 60 s (application {@code inactivity-timeout} "Default: 60 seconds");
 * TCP before the 3-way handshake completes 20 s ({@code tcp-initial-timeout} "Default: 20
 * seconds"); a TCP session whose FINs were both seen but whose last ACK was not is closed "TCP FIN"
 * 10 s after its last packet ("When a flow is terminated, it is marked as invalid, and its
 * timeout is reduced to 10 seconds"). A TCP connection that ended (a RST, or the last ACK of its
 * FIN exchange) keeps its session for a linger of 2 s after its last packet, so that the peer's
 * packets still in flight are counted in it ({@code fin-invalidate-session}: "without
 * fin-invalidate-session configured the session is set to time out 2 seconds after the 4-way or
 * 3-way handshake completes"); {@code rst-invalidate-session} and {@code fin-invalidate-session}
 * (both off by default) close it at once instead. AppTrack: {@code session-update-interval} 5 minutes
 * ("The default interval between messages is 5 minutes"), {@code first-update-interval} unset
 * (the first update then comes after one session-update-interval), deprecated
 * {@code first-update} off.
 */
public final class EngineSettings {

    private static final long SECOND = 1_000_000_000L;

    private final int maxSessions;
    private final long tcpTimeoutNanos;
    private final long tcpInitialTimeoutNanos;
    private final long tcpClosingTimeoutNanos;
    private final long tcpLingerNanos;
    private final boolean rstInvalidateSession;
    private final boolean finInvalidateSession;
    private final long udpTimeoutNanos;
    private final long icmpTimeoutNanos;
    private final long otherTimeoutNanos;
    private final long sessionUpdateIntervalNanos;
    private final long firstUpdateIntervalNanos;
    private final boolean firstUpdate;
    private final boolean volumeUpdates;
    private final boolean dnsCloseOnResponse;
    private final boolean vlanInSessionKey;
    private final long tickNanos;
    private final int wheelSize;
    private final int fragmentSlots;
    private final long fragmentTimeoutNanos;
    private final int classificationSlots;
    private final int classificationBufferBytes;

    private EngineSettings(Builder b) {
        maxSessions = b.maxSessions;
        tcpTimeoutNanos = b.tcpTimeout;
        tcpInitialTimeoutNanos = b.tcpInitialTimeout;
        tcpClosingTimeoutNanos = b.tcpClosingTimeout;
        tcpLingerNanos = b.tcpLinger;
        rstInvalidateSession = b.rstInvalidateSession;
        finInvalidateSession = b.finInvalidateSession;
        udpTimeoutNanos = b.udpTimeout;
        icmpTimeoutNanos = b.icmpTimeout;
        otherTimeoutNanos = b.otherTimeout;
        sessionUpdateIntervalNanos = b.sessionUpdateInterval;
        firstUpdateIntervalNanos = b.firstUpdateInterval;
        firstUpdate = b.firstUpdate;
        volumeUpdates = b.volumeUpdates;
        dnsCloseOnResponse = b.dnsCloseOnResponse;
        vlanInSessionKey = b.vlanInSessionKey;
        tickNanos = b.tick;
        wheelSize = b.wheelSize;
        fragmentSlots = b.fragmentSlots;
        fragmentTimeoutNanos = b.fragmentTimeout;
        classificationSlots = b.classificationSlots;
        classificationBufferBytes = b.classificationBufferBytes;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The defaults. */
    public static EngineSettings defaults() {
        return builder().build();
    }

    public int maxSessions() { return maxSessions; }

    /** Whether an engine built with these settings has the same table, wheel and fragment map sizes as with {@code o}. */
    public boolean sameStructure(EngineSettings o) {
        return maxSessions == o.maxSessions && vlanInSessionKey == o.vlanInSessionKey && tickNanos == o.tickNanos && wheelSize == o.wheelSize
                && fragmentSlots == o.fragmentSlots && fragmentTimeoutNanos == o.fragmentTimeoutNanos
                && classificationSlots == o.classificationSlots
                && classificationBufferBytes == o.classificationBufferBytes;
    }
    /** Idle timeout of an established (or picked-up mid-stream) TCP session. */
    public long tcpTimeoutNanos() { return tcpTimeoutNanos; }
    /** Idle timeout of a TCP session whose handshake has not completed. */
    public long tcpInitialTimeoutNanos() { return tcpInitialTimeoutNanos; }
    /** Wait for the last ACK once both FINs were seen; then the session closes "TCP FIN". */
    public long tcpClosingTimeoutNanos() { return tcpClosingTimeoutNanos; }
    /** How long the session of a connection that ended (RST, or FIN exchange complete) stays for stragglers. */
    public long tcpLingerNanos() { return tcpLingerNanos; }
    /** Junos {@code rst-invalidate-session}: a RST closes the session at once (no linger). */
    public boolean rstInvalidateSession() { return rstInvalidateSession; }
    /** Junos {@code fin-invalidate-session}: the last ACK of the FIN exchange closes the session at once. */
    public boolean finInvalidateSession() { return finInvalidateSession; }
    public long udpTimeoutNanos() { return udpTimeoutNanos; }
    /** ICMP and ICMPv6. */
    public long icmpTimeoutNanos() { return icmpTimeoutNanos; }
    public long otherTimeoutNanos() { return otherTimeoutNanos; }
    public long sessionUpdateIntervalNanos() { return sessionUpdateIntervalNanos; }
    /** 0 when not configured. */
    public long firstUpdateIntervalNanos() { return firstUpdateIntervalNanos; }
    /** Deprecated Junos {@code first-update}: wins over first-update-interval. */
    public boolean firstUpdate() { return firstUpdate; }
    /** False for Junos {@code no-volume-updates}. */
    public boolean volumeUpdates() { return volumeUpdates; }
    public boolean dnsCloseOnResponse() { return dnsCloseOnResponse; }
    /**
     * Whether the (outer) VLAN id is part of the session key: sessions of overlapping address
     * spaces on different VLANs stay apart. Only where both directions of a flow carry the same
     * VLAN (bridged segments, not routed ones).
     */
    public boolean vlanInSessionKey() { return vlanInSessionKey; }
    public long tickNanos() { return tickNanos; }
    public int wheelSize() { return wheelSize; }
    public int fragmentSlots() { return fragmentSlots; }
    public long fragmentTimeoutNanos() { return fragmentTimeoutNanos; }
    /** Sessions the classifier may inspect at once (the classification pool's slots; at most maxSessions are used). */
    public int classificationSlots() { return classificationSlots; }
    /** Payload bytes the classifier may keep per session under inspection. */
    public int classificationBufferBytes() { return classificationBufferBytes; }

    /**
     * The delay from session start to the first volume update: session-update-interval, or
     * first-update-interval when configured and the deprecated first-update is off (the doc:
     * "If you specify both, the first-update-interval value is ignored").
     */
    public long firstUpdateDelayNanos() {
        return !firstUpdate && firstUpdateIntervalNanos > 0 ? firstUpdateIntervalNanos : sessionUpdateIntervalNanos;
    }

    /** Idle timeout for an IP protocol (TCP: the established timeout). */
    public long timeoutNanos(int protocol) {
        switch (protocol) {
            case 6: return tcpTimeoutNanos;
            case 17: return udpTimeoutNanos;
            case 1:
            case 58: return icmpTimeoutNanos;
            default: return otherTimeoutNanos;
        }
    }

    @Override
    public String toString() {
        return "EngineSettings[maxSessions=" + maxSessions + ", tcp=" + tcpTimeoutNanos + ", tcpInitial="
                + tcpInitialTimeoutNanos + ", tcpClosing=" + tcpClosingTimeoutNanos + ", tcpLinger=" + tcpLingerNanos
                + ", rstInvalidateSession=" + rstInvalidateSession + ", finInvalidateSession=" + finInvalidateSession
                + ", udp=" + udpTimeoutNanos
                + ", icmp=" + icmpTimeoutNanos + ", other=" + otherTimeoutNanos + ", sessionUpdateInterval="
                + sessionUpdateIntervalNanos + ", firstUpdateInterval=" + firstUpdateIntervalNanos
                + ", firstUpdate=" + firstUpdate + ", volumeUpdates=" + volumeUpdates + ", dnsCloseOnResponse="
                + dnsCloseOnResponse + ", vlanInSessionKey=" + vlanInSessionKey + ", tick=" + tickNanos + ", wheelSize=" + wheelSize + ", fragmentSlots="
                + fragmentSlots + ", fragmentTimeout=" + fragmentTimeoutNanos + ", classificationSlots="
                + classificationSlots + ", classificationBufferBytes=" + classificationBufferBytes + "]";
    }

    /** Builder; {@link #build()} validates. */
    public static final class Builder {
        private int maxSessions = 1 << 16;
        private long tcpTimeout = 1800 * SECOND;
        private long tcpInitialTimeout = 20 * SECOND;
        private long tcpClosingTimeout = 10 * SECOND;
        private long tcpLinger = 2 * SECOND;
        private boolean rstInvalidateSession;
        private boolean finInvalidateSession;
        private long udpTimeout = 60 * SECOND;
        private long icmpTimeout = 60 * SECOND;
        private long otherTimeout = 60 * SECOND;
        private long sessionUpdateInterval = 300 * SECOND;
        private long firstUpdateInterval;
        private boolean firstUpdate;
        private boolean volumeUpdates = true;
        private boolean dnsCloseOnResponse = true;
        private boolean vlanInSessionKey;
        private long tick = 100_000_000L;
        private int wheelSize = 8192;
        private int fragmentSlots = 1024;
        private long fragmentTimeout = 30 * SECOND;
        private int classificationSlots = 16384;
        private int classificationBufferBytes = 4096;

        private Builder() {
        }

        public Builder maxSessions(int v) { maxSessions = v; return this; }
        public Builder tcpTimeout(Duration v) { tcpTimeout = nanos(v); return this; }
        public Builder tcpInitialTimeout(Duration v) { tcpInitialTimeout = nanos(v); return this; }
        public Builder tcpClosingTimeout(Duration v) { tcpClosingTimeout = nanos(v); return this; }
        public Builder tcpLinger(Duration v) { tcpLinger = nanos(v); return this; }
        public Builder rstInvalidateSession(boolean v) { rstInvalidateSession = v; return this; }
        public Builder finInvalidateSession(boolean v) { finInvalidateSession = v; return this; }
        public Builder udpTimeout(Duration v) { udpTimeout = nanos(v); return this; }
        public Builder icmpTimeout(Duration v) { icmpTimeout = nanos(v); return this; }
        public Builder otherTimeout(Duration v) { otherTimeout = nanos(v); return this; }
        public Builder sessionUpdateInterval(Duration v) { sessionUpdateInterval = nanos(v); return this; }
        /** {@code null} or zero: not configured. */
        public Builder firstUpdateInterval(Duration v) { firstUpdateInterval = v == null ? 0 : nanos(v); return this; }
        public Builder firstUpdate(boolean v) { firstUpdate = v; return this; }
        public Builder volumeUpdates(boolean v) { volumeUpdates = v; return this; }
        public Builder dnsCloseOnResponse(boolean v) { dnsCloseOnResponse = v; return this; }
        public Builder vlanInSessionKey(boolean v) { vlanInSessionKey = v; return this; }
        /** Timer-wheel resolution (expiry callbacks may come up to one tick late; event times are exact). */
        public Builder tick(Duration v) { tick = nanos(v); return this; }
        /** Timer-wheel buckets, a power of two. */
        public Builder wheelSize(int v) { wheelSize = v; return this; }
        /** Slots of the later-fragment map, a power of two. */
        public Builder fragmentSlots(int v) { fragmentSlots = v; return this; }
        public Builder fragmentTimeout(Duration v) { fragmentTimeout = nanos(v); return this; }
        /** Sessions inspected at once; a slot's buffer is allocated on its first use. */
        public Builder classificationSlots(int v) { classificationSlots = v; return this; }
        public Builder classificationBufferBytes(int v) { classificationBufferBytes = v; return this; }

        private static long nanos(Duration d) {
            if (d == null) {
                throw new IllegalArgumentException("duration must not be null");
            }
            try {
                return d.toNanos();
            } catch (ArithmeticException e) {
                throw new IllegalArgumentException("duration too long: " + d, e);
            }
        }

        private static void positive(String name, long v) {
            if (v <= 0) {
                throw new IllegalArgumentException(name + " must be positive: " + v + " ns");
            }
        }

        private static void powerOfTwo(String name, int v, int max) {
            if (v < 1 || v > max || Integer.bitCount(v) != 1) {
                throw new IllegalArgumentException(name + " must be a power of two in 1.." + max + ": " + v);
            }
        }

        public EngineSettings build() {
            if (maxSessions < 1 || maxSessions > SessionTable.MAX_SESSIONS_LIMIT) {
                throw new IllegalArgumentException(
                        "maxSessions must be 1.." + SessionTable.MAX_SESSIONS_LIMIT + ": " + maxSessions);
            }
            positive("tcpTimeout", tcpTimeout);
            positive("tcpInitialTimeout", tcpInitialTimeout);
            positive("tcpClosingTimeout", tcpClosingTimeout);
            positive("tcpLinger", tcpLinger);
            positive("udpTimeout", udpTimeout);
            positive("icmpTimeout", icmpTimeout);
            positive("otherTimeout", otherTimeout);
            positive("sessionUpdateInterval", sessionUpdateInterval);
            if (firstUpdateInterval < 0) {
                throw new IllegalArgumentException("firstUpdateInterval must not be negative: " + firstUpdateInterval);
            }
            positive("tick", tick);
            powerOfTwo("wheelSize", wheelSize, 1 << 24);
            powerOfTwo("fragmentSlots", fragmentSlots, 1 << 24);
            positive("fragmentTimeout", fragmentTimeout);
            if (classificationSlots < 1 || classificationSlots > SessionTable.MAX_SESSIONS_LIMIT) {
                throw new IllegalArgumentException("classificationSlots must be 1.." + SessionTable.MAX_SESSIONS_LIMIT
                        + ": " + classificationSlots);
            }
            if (classificationBufferBytes < 0 || classificationBufferBytes > 1 << 20) {
                throw new IllegalArgumentException("classificationBufferBytes must be 0..1048576: "
                        + classificationBufferBytes);
            }
            return new EngineSettings(this);
        }
    }
}

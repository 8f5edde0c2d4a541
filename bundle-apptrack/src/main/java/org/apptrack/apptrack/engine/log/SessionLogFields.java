package org.apptrack.apptrack.engine.log;

import org.apptrack.syslog.api.LogRecord;

/**
 * The values of one AppTrack log message, filled by the session engine and turned into a
 * {@link LogRecord} by {@link AppTrackLogBuilder}. Mutable and reusable ({@link #reset()});
 * not thread-safe.
 *
 * <p>A {@code null} string is written {@code N/A}; the NAT address/port fields left at
 * {@code null} / {@link #SAME_AS_ORIGINAL} are written as the original address/port (no NAT);
 * {@link #uplinkIncomingInterfaceName} {@code null} is written as the empty string and the
 * uplink byte counts default to 0, as in the seed's samples.
 */
public final class SessionLogFields {

    /** Port value of the NAT ports meaning "not translated": the original port is written. */
    public static final int SAME_AS_ORIGINAL = -1;

    public String sourceAddress;
    public int sourcePort;
    public String destinationAddress;
    public int destinationPort;
    /** Junos predefined application ({@code junos-https}) or {@code None}. */
    public String serviceName;
    public String application;
    public String nestedApplication;
    /** {@code null}: same as {@link #sourceAddress}. */
    public String natSourceAddress;
    /** {@link #SAME_AS_ORIGINAL}: same as {@link #sourcePort}. */
    public int natSourcePort = SAME_AS_ORIGINAL;
    /** {@code null}: same as {@link #destinationAddress}. */
    public String natDestinationAddress;
    /** {@link #SAME_AS_ORIGINAL}: same as {@link #destinationPort}. */
    public int natDestinationPort = SAME_AS_ORIGINAL;
    public String srcNatRuleName;
    public String dstNatRuleName;
    public int protocolId;
    public String policyName;
    public String sourceZoneName;
    public String destinationZoneName;
    public long sessionId32;

    public long packetsFromClient;
    public long bytesFromClient;
    public long packetsFromServer;
    public long bytesFromServer;
    /** Whole seconds since the session started. */
    public long elapsedTimeSeconds;

    public String username;
    public String roles;
    /** {@code Yes}, {@code No} or {@code UNKNOWN}. */
    public String encrypted;

    public String profileName;
    public String ruleName;
    public String routingInstance;
    public String destinationInterfaceName;
    /** {@code null} is written as the empty string (seed samples). */
    public String uplinkIncomingInterfaceName;
    public long uplinkTxBytes;
    public long uplinkRxBytes;
    public String category;
    public String subCategory;
    public String multipathRuleName;
    public String sourceL3vpnVrfGroupName;
    public String destinationL3vpnVrfGroupName;
    public String dscpValue;
    public String apbrRuleType;
    public String apbrPolicyName;
    public String webfilterCategory;

    /** Logical system; {@code null} or {@link LogRecord#ROOT_LOGICAL_SYSTEM} for the root one. */
    public String logicalSystem;
    /** Event time, milliseconds since the epoch. */
    public long eventTimeMillis;
    /** Close reason ({@code TCP FIN}, {@code idle Timeout}, ...); used by close messages only. */
    public String closeReason;

    /** Clears every field back to its default, for reuse. */
    public SessionLogFields reset() {
        sourceAddress = null;
        sourcePort = 0;
        destinationAddress = null;
        destinationPort = 0;
        serviceName = null;
        application = null;
        nestedApplication = null;
        natSourceAddress = null;
        natSourcePort = SAME_AS_ORIGINAL;
        natDestinationAddress = null;
        natDestinationPort = SAME_AS_ORIGINAL;
        srcNatRuleName = null;
        dstNatRuleName = null;
        protocolId = 0;
        policyName = null;
        sourceZoneName = null;
        destinationZoneName = null;
        sessionId32 = 0;
        packetsFromClient = 0;
        bytesFromClient = 0;
        packetsFromServer = 0;
        bytesFromServer = 0;
        elapsedTimeSeconds = 0;
        username = null;
        roles = null;
        encrypted = null;
        profileName = null;
        ruleName = null;
        routingInstance = null;
        destinationInterfaceName = null;
        uplinkIncomingInterfaceName = null;
        uplinkTxBytes = 0;
        uplinkRxBytes = 0;
        category = null;
        subCategory = null;
        multipathRuleName = null;
        sourceL3vpnVrfGroupName = null;
        destinationL3vpnVrfGroupName = null;
        dscpValue = null;
        apbrRuleType = null;
        apbrPolicyName = null;
        webfilterCategory = null;
        logicalSystem = null;
        eventTimeMillis = 0;
        closeReason = null;
        return this;
    }
}

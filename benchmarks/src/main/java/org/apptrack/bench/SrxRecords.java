package org.apptrack.bench;

import org.apptrack.syslog.api.LogRecord;

/**
 * Realistic {@code APPTRACK_SESSION_CLOSE} records for the benchmarks: the field order of
 * {@code /work/shared/reference/srx-log-format.md} ({@code reason} P C U + the close-only fields,
 * 41 fields) with the values of {@code /work/shared/testdata/srx-syslog/tf-analytics.log} line 1,
 * and the plain-text body used by {@code structured-syslog} and {@code syslog}.
 */
public final class SrxRecords {

    /** HOSTNAME of tf-analytics.log. */
    public static final String HOSTNAME = "GWR.VF0701-5005.Carlsberg";
    /** 2020-05-07T16:27:40.111Z, the timestamp of tf-analytics.log line 1. */
    public static final long TIME_MILLIS = 1588868860111L;

    private SrxRecords() {
    }

    /** The record of tf-analytics.log line 1 (session-id-32 4091). */
    public static LogRecord sessionClose() {
        return sessionClose(0);
    }

    /**
     * Variant {@code i} of the record: session id, source port, counters and elapsed time vary with
     * {@code i} (so a pool of records is not one byte string repeated), everything else as line 1.
     */
    public static LogRecord sessionClose(int i) {
        String src = "10.224.129.218";
        String dst = "10.228.24.14";
        String srcPort = Integer.toString(57838 - (i % 20000));
        String sessionId = Integer.toString(4091 + i);
        String pktsC = Integer.toString(29 + i % 997);
        String bytesC = Integer.toString(2066 + (i % 997) * 71);
        String elapsed = Integer.toString(608 + i % 3600);
        return LogRecord.builder("APPTRACK_SESSION_CLOSE")
                .time(TIME_MILLIS)
                .field("reason", "HA")
                .field("source-address", src)
                .field("source-port", srcPort)
                .field("destination-address", dst)
                .field("destination-port", "443")
                .field("service-name", "junos-https")
                .field("application", "SSL")
                .field("nested-application", "UNKNOWN")
                .field("nat-source-address", src)
                .field("nat-source-port", srcPort)
                .field("nat-destination-address", dst)
                .field("nat-destination-port", "443")
                .field("src-nat-rule-name", "N/A")
                .field("dst-nat-rule-name", "N/A")
                .field("protocol-id", "6")
                .field("policy-name", "Druva_Insync_1__2")
                .field("source-zone-name", "LAN")
                .field("destination-zone-name", "trust")
                .field("session-id-32", sessionId)
                .field("packets-from-client", pktsC)
                .field("bytes-from-client", bytesC)
                .field("packets-from-server", "0")
                .field("bytes-from-server", "0")
                .field("elapsed-time", elapsed)
                .field("username", "N/A")
                .field("roles", "N/A")
                .field("encrypted", "No")
                .field("profile-name", "N/A")
                .field("rule-name", "N/A")
                .field("routing-instance", "Default-LAN")
                .field("destination-interface-name", "gr-0/0/0.4004")
                .field("uplink-incoming-interface-name", "N/A")
                .field("uplink-tx-bytes", "0")
                .field("uplink-rx-bytes", "0")
                .field("category", "N/A")
                .field("sub-category", "N/A")
                .field("multipath-rule-name", "N/A")
                .field("source-l3vpn-vrf-group-name", "N/A")
                .field("destination-l3vpn-vrf-group-name", "N/A")
                .field("dscp-value", "0")
                .field("apbr-rule-type", "N/A")
                .body("AppTrack session closed HA: " + src + "/" + srcPort + "->" + dst + "/443 junos-https SSL UNKNOWN "
                        + src + "/" + srcPort + "->" + dst + "/443 N/A N/A 6 Druva_Insync_1__2 LAN trust " + sessionId
                        + " " + pktsC + "(" + bytesC + ") 0(0) " + elapsed + " N/A N/A No N/A N/A Default-LAN"
                        + " gr-0/0/0.4004 N/A 0 0 N/A N/A N/A N/A N/A 0 N/A")
                .build();
    }
}

package org.apptrack.tool.accuracy;

/**
 * Why we have no session for an nDPI flow, as far as the flow, nDPI's result file and the
 * replay tell, so that a missing flow is explained rather than silently dropped. The causes are
 * what tells the flows apart without reading their packets; where two reasons are possible the
 * text names both.
 */
final class MissingCause {

    static final String NOT_READ = "capture not read";
    static final String READ_IN_PART = "capture read only in part";
    static final String IP_IN_IP = "in a capture with IP-in-IP (protocol 4 or 41) sessions: an inner flow"
            + " (AppTrack does not decapsulate)";
    static final String ICMP = "ICMP: AppTrack makes no session of ICMP errors, which nDPI counts as a flow";
    static final String NO_PORTS = "TCP/UDP with ports 0 (nDPI could not read them: later fragments, garbage)";

    private static final int IPV4_IN_IP = 4;
    private static final int IPV6_IN_IP = 41;

    private MissingCause() {
    }

    static String of(LabelledFlow flow, CaptureReplay.Result capture) {
        if (!capture.read()) {
            return NOT_READ;
        }
        if (!flow.tunnel().isEmpty()) {
            return "inside a " + flow.tunnel() + " tunnel (AppTrack does not decapsulate)";
        }
        for (SessionRecord s : capture.sessions()) {
            if (s.protocol() == IPV4_IN_IP || s.protocol() == IPV6_IN_IP) {
                return IP_IN_IP;
            }
        }
        if (capture.error() != null) {
            return READ_IN_PART;
        }
        if (flow.protocol() == IpProtocols.ICMP || flow.protocol() == IpProtocols.ICMPV6) {
            return ICMP;
        }
        if (IpProtocols.hasPorts(flow.protocol()) && flow.srcPort() == 0 && flow.dstPort() == 0) {
            return NO_PORTS;
        }
        if (flow.protocol() == IpProtocols.TCP) {
            return "TCP: no session with these endpoints (AppTrack makes none of a lone RST or a malformed segment)";
        }
        return flow.l4() + ": no session with these endpoints (AppTrack makes none of a malformed packet)";
    }
}

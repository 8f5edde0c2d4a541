package org.apptrack.tool.accuracy;

import com.google.common.net.InetAddresses;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds our sessions for nDPI's flows in one capture. nDPI's key is the VLAN, the protocol and
 * the two ends without order ({@link FlowKey}); reading a file, nDPI never expires a flow, where
 * we end sessions as an SRX does (FIN or RST and a new SYN, a DNS answer, idle timeouts), so one
 * flow may be several sessions of ours. The flow is then judged by the session with the most
 * packets (the first, by session id, among equals): it carries most of the flow's traffic, which
 * is what nDPI's one label describes, and a split-off tail (the last ACKs after a close, one
 * retransmission a minute later) never outweighs the conversation itself. A session without a
 * VLAN in its key matches the flow on any VLAN.
 */
final class FlowMatcher {

    private final Map<FlowKey, List<SessionRecord>> byKey = new HashMap<>();

    FlowMatcher(Collection<SessionRecord> sessions) {
        for (SessionRecord s : sessions) {
            InetAddress client = InetAddresses.forString(s.clientAddress());
            InetAddress server = InetAddresses.forString(s.serverAddress());
            byKey.computeIfAbsent(FlowKey.of(s.protocol(), client, s.clientPort(), server, s.serverPort()),
                    k -> new ArrayList<>()).add(s);
        }
    }

    /** The flow's sessions, in no particular order. */
    List<SessionRecord> sessionsOf(LabelledFlow flow) {
        List<SessionRecord> result = new ArrayList<>();
        for (InetAddress src : AddressText.candidates(flow.srcIp())) {
            for (InetAddress dst : AddressText.candidates(flow.dstIp())) {
                List<SessionRecord> found = byKey.get(FlowKey.of(flow.protocol(), src, flow.srcPort(), dst,
                        flow.dstPort()));
                if (found == null) {
                    continue;
                }
                for (SessionRecord s : found) {
                    if ((s.vlan() == SessionRecord.NO_VLAN || s.vlan() == flow.vlan()) && !result.contains(s)) {
                        result.add(s);
                    }
                }
            }
        }
        return result;
    }

    FlowMatch match(LabelledFlow flow) {
        List<SessionRecord> sessions = sessionsOf(flow);
        return sessions.isEmpty() ? FlowMatch.NONE : new FlowMatch(representative(sessions), sessions.size());
    }

    /** The session with the most packets; the lowest session id among equals. */
    static SessionRecord representative(List<SessionRecord> sessions) {
        SessionRecord best = null;
        for (SessionRecord s : sessions) {
            if (best == null || s.packets() > best.packets()
                    || s.packets() == best.packets() && s.sessionId() < best.sessionId()) {
                best = s;
            }
        }
        return best;
    }
}

package org.apptrack.tool.accuracy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.net.InetAddresses;
import java.util.List;
import org.junit.jupiter.api.Test;

/** nDPI's flows to our sessions: unordered ends, VLANs, ICMP, and flows we split into several sessions. */
class FlowMatcherTest {

    private static int sessionIds;

    private static SessionRecord session(int protocol, String client, int clientPort, String server, int serverPort,
                                         long packets) {
        return session(protocol, client, clientPort, server, serverPort, packets, SessionRecord.NO_VLAN);
    }

    private static SessionRecord session(int protocol, String client, int clientPort, String server, int serverPort,
                                         long packets, int vlan) {
        return new SessionRecord(++sessionIds, protocol, client, clientPort, server, serverPort, vlan, packets,
                "HTTP", "UNKNOWN", true);
    }

    private static LabelledFlow flow(String l4, String src, int srcPort, String dst, int dstPort, int vlan) {
        return new LabelledFlow("set", "f.pcap", 2, l4, IpProtocols.number(l4), src, srcPort, dst, dstPort, vlan,
                "HTTP", "HTTP", 3, 2, "", "", "");
    }

    @Test
    void theEndsOfAFlowMatchInEitherOrder() {
        SessionRecord s = session(6, "10.0.0.1", 40000, "93.184.216.34", 80, 5);
        FlowMatcher m = new FlowMatcher(List.of(s));
        assertSame(s, m.match(flow("TCP", "10.0.0.1", 40000, "93.184.216.34", 80, 0)).session());
        assertSame(s, m.match(flow("TCP", "93.184.216.34", 80, "10.0.0.1", 40000, 0)).session(),
                "nDPI's src is the first sender, maybe the server");
        assertTrue(m.match(flow("UDP", "10.0.0.1", 40000, "93.184.216.34", 80, 0)).missing(), "another protocol");
        assertTrue(m.match(flow("TCP", "10.0.0.1", 40001, "93.184.216.34", 80, 0)).missing(), "another port");
    }

    @Test
    void ipv6AddressesCompareAsAddressesAndNdpisOwnDoubleColonIsUndone() {
        SessionRecord s = session(17, "2600:1901:0:7a0b::", 443, "2001:db8::1", 50000, 4);
        FlowMatcher m = new FlowMatcher(List.of(s));
        assertSame(s, m.match(flow("UDP", "2001:0db8:0:0::1", 50000, "2600:1901:0:7a0b:0:0:0:0", 443, 0)).session());
        assertSame(s, m.match(flow("UDP", "[2600:1901::7a0b::]", 443, "2001:db8::1", 50000, 0)).session(),
                "ndpiReader's text with two '::'");
        assertEquals(List.of(InetAddresses.forString("2600:1901:0:7a0b::")),
                AddressText.candidates("2600:1901::7a0b::"));
        assertTrue(AddressText.candidates("not-an-address").isEmpty(), "no lookup of names");
    }

    @Test
    void icmpFlowsMatchByAddressesWhateverTheEchoIdentifier() {
        SessionRecord echo = session(1, "10.0.0.1", 7, "8.8.8.8", 7, 2);
        SessionRecord otherEcho = session(1, "10.0.0.1", 9, "8.8.8.8", 9, 6);
        FlowMatch m = new FlowMatcher(List.of(echo, otherEcho)).match(flow("ICMP", "10.0.0.1", 0, "8.8.8.8", 0, 0));
        assertSame(otherEcho, m.session(), "nDPI keeps all ICMP between two hosts in one flow");
        assertEquals(2, m.sessions());
    }

    @Test
    void aSessionWithoutAVlanInItsKeyMatchesTheFlowOnAnyVlanOneWithAVlanOnlyItsOwn() {
        SessionRecord noVlan = session(6, "10.0.0.1", 40000, "93.184.216.34", 80, 5);
        assertSame(noVlan, new FlowMatcher(List.of(noVlan))
                .match(flow("TCP", "10.0.0.1", 40000, "93.184.216.34", 80, 5)).session());
        SessionRecord onVlan7 = session(6, "10.0.0.1", 40000, "93.184.216.34", 80, 5, 7);
        FlowMatcher m = new FlowMatcher(List.of(onVlan7));
        assertTrue(m.match(flow("TCP", "10.0.0.1", 40000, "93.184.216.34", 80, 5)).missing());
        assertSame(onVlan7, m.match(flow("TCP", "10.0.0.1", 40000, "93.184.216.34", 80, 7)).session());
    }

    @Test
    void aFlowSplitIntoSessionsIsJudgedByTheOneWithTheMostPacketsTheFirstAmongEquals() {
        SessionRecord first = session(6, "10.0.0.1", 40000, "93.184.216.34", 80, 3);
        SessionRecord biggest = session(6, "93.184.216.34", 80, "10.0.0.1", 40000, 20);
        SessionRecord tail = session(6, "10.0.0.1", 40000, "93.184.216.34", 80, 1);
        FlowMatch m = new FlowMatcher(List.of(tail, first, biggest))
                .match(flow("TCP", "10.0.0.1", 40000, "93.184.216.34", 80, 0));
        assertSame(biggest, m.session());
        assertEquals(3, m.sessions());

        SessionRecord a = session(17, "10.0.0.1", 5000, "10.0.0.2", 6000, 4);
        SessionRecord b = session(17, "10.0.0.1", 5000, "10.0.0.2", 6000, 4);
        assertSame(a, FlowMatcher.representative(List.of(b, a)), "equal packets: the lower session id");
    }

    @Test
    void aFlowWithoutSessionsIsMissing() {
        FlowMatch m = new FlowMatcher(List.of()).match(flow("TCP", "10.0.0.1", 40000, "93.184.216.34", 80, 0));
        assertTrue(m.missing());
        assertNull(m.session());
        assertEquals(0, m.sessions());
    }
}

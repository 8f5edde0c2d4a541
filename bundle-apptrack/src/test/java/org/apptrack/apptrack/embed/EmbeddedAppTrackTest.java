package org.apptrack.apptrack.embed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apptrack.api.time.Clock;
import org.apptrack.apptrack.api.AppTrackSessionEvent;
import org.apptrack.apptrack.api.SessionAttribute;
import org.apptrack.apptrack.api.SessionInfo;
import org.apptrack.apptrack.api.SessionRoute;
import org.apptrack.syslog.api.LogRecord;
import org.apptrack.syslog.api.SecurityLogService;
import org.apptrack.testsupport.packets.Frames;
import org.apptrack.testsupport.packets.Packets;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;
import org.onosproject.net.packet.InboundPacket;
import org.onosproject.net.packet.PacketContext;

/** The closed-session hook of the embedding library: what a measuring tool receives, and when. */
class EmbeddedAppTrackTest {

    private static final long T0 = 1_700_000_000_000_000_000L;
    private static final int CLIENT = Packets.ip4(10, 0, 0, 1);
    private static final int SERVER = Packets.ip4(93, 184, 216, 34);

    private final List<LogRecord> logs = new ArrayList<>();
    private final SecurityLogService log = mock(SecurityLogService.class);
    private long now = T0;
    private final Clock clock = () -> now;
    private final EmbeddedAppTrack appTrack = EmbeddedAppTrack.create(log,
            Map.of("logSessionClose", "true"), clock);

    EmbeddedAppTrackTest() {
        Mockito.doAnswer(inv -> logs.add(inv.getArgument(0))).when(log).log(Mockito.any(LogRecord.class));
    }

    /** The frame with its IPv4 TOS byte (after the 14-byte Ethernet header) set. */
    private static byte[] tos(byte[] frame, int tos) {
        frame[15] = (byte) tos;
        return frame;
    }

    private void send(byte[] frame) {
        now += 1_000_000L;
        PacketContext ctx = mock(PacketContext.class);
        InboundPacket in = mock(InboundPacket.class);
        when(ctx.inPacket()).thenReturn(in);
        when(in.unparsed()).thenReturn(ByteBuffer.wrap(frame));
        appTrack.processor().process(ctx);
    }

    /** A DNS query and its answer: the session closes on the answer ("response received"). */
    private void dnsExchange(int clientPort) {
        send(Frames.dns(CLIENT, clientPort, SERVER, 53, false));
        send(Frames.dns(SERVER, 53, CLIENT, clientPort, true));
    }

    @Test
    void eachClosingSessionIsDescribedWithItsCountersAndApplications() {
        List<SessionInfo> closed = new ArrayList<>();
        appTrack.onSessionClosed(closed::add);
        dnsExchange(40000);
        send(Frames.tcp(CLIENT, 40001, SERVER, 443, Packets.SYN));
        send(Frames.tcp(SERVER, 443, CLIENT, 40001, Packets.SYN | Packets.ACK));
        assertEquals(1, closed.size(), "the DNS session closed on its answer; the TCP one is open");
        SessionInfo dns = closed.get(0);
        assertEquals("10.0.0.1", dns.clientAddress());
        assertEquals(40000, dns.clientPort());
        assertEquals("93.184.216.34", dns.serverAddress());
        assertEquals(53, dns.serverPort());
        assertEquals(17, dns.protocol());
        assertEquals(1, dns.number(SessionAttribute.PACKETS_FROM_CLIENT));
        assertEquals(1, dns.number(SessionAttribute.PACKETS_FROM_SERVER));
        assertEquals("DNS", dns.application());
        assertEquals("UNKNOWN", dns.text(SessionAttribute.NESTED_APPLICATION));

        appTrack.endOfCapture();
        assertEquals(2, closed.size(), "the end of the capture closes the rest");
        assertEquals(443, closed.get(1).serverPort());
        assertEquals(2, closed.get(1).packets());
        assertEquals(2, logs.size(), "the close logs are written as before");
    }

    @Test
    void aListenerThatThrowsIsCountedAndTheSessionStillCloses() {
        appTrack.onSessionClosed(s -> {
            throw new IllegalStateException("broken tool");
        });
        dnsExchange(40000);
        assertEquals(1, appTrack.sessionClosedListenerFailures());
        assertEquals(0, appTrack.counters().activeSessions(), "the session was removed all the same");
        assertEquals(1, logs.size());

        List<SessionInfo> closed = new ArrayList<>();
        appTrack.onSessionClosed(closed::add);
        dnsExchange(40002);
        assertEquals(1, closed.size(), "a new listener replaces the old one");
        appTrack.onSessionClosed(null);
        dnsExchange(40004);
        assertEquals(1, closed.size(), "null: nobody is told");
        assertEquals(1, appTrack.sessionClosedListenerFailures());
        assertEquals(3, logs.size());
    }

    @Test
    void aSessionCarriesTheDscpOfItsFirstPacket() {
        List<AppTrackSessionEvent> events = new ArrayList<>();
        appTrack.addListener(events::add);
        send(tos(Frames.udp(CLIENT, 40010, SERVER, 5004, 20), 46 << 2));
        send(tos(Frames.udp(SERVER, 5004, CLIENT, 40010, 20), 0)); // best effort back: the session keeps EF
        send(tos(Frames.udp(CLIENT, 40011, SERVER, 5004, 20), 0));
        assertEquals(46, events.get(0).subject().number(SessionAttribute.DSCP));
        assertEquals(0, events.stream().filter(e -> e.subject().clientPort() == 40011).findFirst().orElseThrow()
                .subject().number(SessionAttribute.DSCP));
        appTrack.endOfCapture();
        AppTrackSessionEvent closedEf = events.stream().filter(e -> e.type() == AppTrackSessionEvent.Type.SESSION_CLOSED
                && e.subject().clientPort() == 40010).findFirst().orElseThrow();
        assertEquals(46, closedEf.subject().number(SessionAttribute.DSCP));
    }

    @Test
    void sessionEventsAndRouteChangesWithoutOsgi() {
        List<AppTrackSessionEvent> events = new ArrayList<>();
        appTrack.addListener(events::add);
        send(Frames.tcp(CLIENT, 40001, SERVER, 443, Packets.SYN));
        assertEquals(AppTrackSessionEvent.Type.SESSION_CREATED, events.get(0).type(), "delivered at once, in step");
        long id = events.get(0).subject().sessionId();
        send(Frames.tcp(SERVER, 443, CLIENT, 40001, Packets.SYN | Packets.ACK));
        send(Frames.tcp(CLIENT, 40001, SERVER, 443, Packets.ACK));

        SessionRoute route = SessionRoute.builder().profileName("p1").ruleName("r1").routingInstance("RI1")
                .destinationInterface("ge-0/0/1.0").apbrRuleType("application").build();
        assertTrue(appTrack.updateRoute(id, route));
        assertFalse(appTrack.updateRoute(id + 1, route));
        assertEquals(1, appTrack.counters().routeUpdatesUnknownSession());
        assertEquals(2, logs.size(), "the route update and the next-hop change");

        appTrack.endOfCapture();
        AppTrackSessionEvent closed = events.get(events.size() - 1);
        assertEquals(AppTrackSessionEvent.Type.SESSION_CLOSED, closed.type());
        assertEquals("idle Timeout", closed.closeReason());
        assertEquals("ge-0/0/1.0", closed.subject().text(SessionAttribute.DESTINATION_INTERFACE));
        assertEquals(1_000, closed.subject().number(SessionAttribute.SERVER_RTT_MICROS));
        assertEquals(1_000, closed.subject().number(SessionAttribute.CLIENT_RTT_MICROS));
        assertEquals("ge-0/0/1.0", logs.get(logs.size() - 1).value("destination-interface-name"));
    }
}

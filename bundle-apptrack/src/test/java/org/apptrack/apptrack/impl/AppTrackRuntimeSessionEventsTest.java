package org.apptrack.apptrack.impl;

import static org.apptrack.testsupport.packets.Packets.ACK;
import static org.apptrack.testsupport.packets.Packets.PSH;
import static org.apptrack.testsupport.packets.Packets.SYN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apptrack.api.time.Clock;
import org.apptrack.apptrack.api.AppTrackSessionEvent;
import org.apptrack.apptrack.api.AppTrackSessionEvent.Type;
import org.apptrack.apptrack.api.AppTrackSessionListener;
import org.apptrack.apptrack.api.SessionAttribute;
import org.apptrack.apptrack.api.SessionInfo;
import org.apptrack.apptrack.config.AppTrackSettings;
import org.apptrack.apptrack.engine.CloseReason;
import org.apptrack.syslog.api.LogRecord;
import org.apptrack.syslog.api.SecurityLogService;
import org.apptrack.testsupport.packets.Frames;
import org.apptrack.testsupport.packets.Packets;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;
import org.onosproject.net.packet.InboundPacket;
import org.onosproject.net.packet.PacketContext;

/** The public session events: when they fire, what they carry, and that listeners cannot hurt the packets. */
class AppTrackRuntimeSessionEventsTest {

    private static final int CLIENT = Packets.ip4(10, 0, 0, 1);
    private static final int SERVER = Packets.ip4(93, 184, 216, 34);
    private static final long MS = 1_000_000L;
    private long now = 1_700_000_000_000_000_000L;
    private final Clock clock = () -> now;
    private final List<LogRecord> logs = new ArrayList<>();
    private final SecurityLogService log = mock(SecurityLogService.class);
    private final List<AppTrackSessionEvent> events = new ArrayList<>();
    private final AppTrackSessionListener recorder = events::add;

    AppTrackRuntimeSessionEventsTest() {
        Mockito.doAnswer(inv -> logs.add(inv.getArgument(0))).when(log).log(Mockito.any(LogRecord.class));
    }

    private AppTrackRuntime runtime() {
        return new AppTrackRuntime(log, AppTrackSettings.parse(Map.of("logSessionClose", "true",
                "zone.trust.prefixes", "10.0.0.0/8", "zone.untrust.prefixes", "0.0.0.0/0")), clock);
    }

    private static PacketContext packet(byte[] frame) {
        PacketContext ctx = mock(PacketContext.class);
        InboundPacket in = mock(InboundPacket.class);
        when(ctx.inPacket()).thenReturn(in);
        when(in.unparsed()).thenReturn(ByteBuffer.wrap(frame));
        return ctx;
    }

    private void send(AppTrackRuntime rt, byte[] frame, long afterNanos) {
        now += afterNanos;
        rt.process(packet(frame));
    }

    /** A handshake at known times, then an HTTP request to {@code host}, then {@code more} data segments. */
    private void httpSession(AppTrackRuntime rt, int clientPort, String host, int more) {
        send(rt, Frames.tcp(CLIENT, clientPort, SERVER, 8080, SYN), 0);
        send(rt, Frames.tcp(SERVER, 8080, CLIENT, clientPort, SYN | ACK), 12 * MS);
        send(rt, Frames.tcp(CLIENT, clientPort, SERVER, 8080, ACK), 3 * MS);
        send(rt, Frames.ipv4(Packets.TCP, CLIENT, SERVER, Packets.tcp(clientPort, 8080, PSH | ACK,
                ("GET / HTTP/1.1\r\nHost: " + host + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII))), MS);
        for (int i = 0; i < more; i++) {
            send(rt, Frames.tcp(SERVER, 8080, CLIENT, clientPort, PSH | ACK, 1000), MS);
            send(rt, Frames.tcp(CLIENT, clientPort, SERVER, 8080, ACK), MS);
        }
    }

    private List<Type> types() {
        List<Type> t = new ArrayList<>();
        for (AppTrackSessionEvent e : events) {
            t.add(e.type());
        }
        return t;
    }

    private List<AppTrackSessionEvent> ofType(Type type) {
        List<AppTrackSessionEvent> out = new ArrayList<>();
        for (AppTrackSessionEvent e : events) {
            if (e.type() == type) {
                out.add(e);
            }
        }
        return out;
    }

    private static String applications(SessionInfo s) {
        return s.application() + "/" + s.text(SessionAttribute.NESTED_APPLICATION);
    }

    @Test
    void createdIdentifiedOncePerChangeAndClosedWithTheReasonAndFinalData() {
        AppTrackRuntime rt = runtime();
        rt.sessionEvents().addListener(recorder);
        httpSession(rt, 41000, "www.youtube.com", 0);
        int afterIdentification = events.size();
        assertEquals(Type.SESSION_CREATED, events.get(0).type());
        List<AppTrackSessionEvent> identified = ofType(Type.APPLICATION_IDENTIFIED);
        assertFalse(identified.isEmpty());
        assertEquals("HTTP/YOUTUBE", applications(identified.get(identified.size() - 1).subject()));
        for (int i = 1; i < identified.size(); i++) {
            assertNotEquals(applications(identified.get(i - 1).subject()), applications(identified.get(i).subject()),
                    "an event per change, not per packet");
        }

        for (int i = 0; i < 20; i++) {
            send(rt, Frames.tcp(SERVER, 8080, CLIENT, 41000, PSH | ACK, 1000), MS);
            send(rt, Frames.tcp(CLIENT, 41000, SERVER, 8080, ACK), MS);
        }
        assertEquals(afterIdentification, events.size(), "further packets make no event");

        rt.closeAll(CloseReason.CLI);
        AppTrackSessionEvent closed = events.get(events.size() - 1);
        assertEquals(Type.SESSION_CLOSED, closed.type());
        assertEquals("CLI", closed.closeReason());
        SessionInfo s = closed.subject();
        assertEquals(events.get(0).subject().sessionId(), s.sessionId());
        assertEquals("10.0.0.1", s.clientAddress());
        assertEquals(41000, s.clientPort());
        assertEquals("93.184.216.34", s.serverAddress());
        assertEquals(8080, s.serverPort());
        assertEquals(6, s.protocol());
        assertEquals("trust", s.sourceZone());
        assertEquals("untrust", s.destinationZone());
        assertEquals("HTTP", s.application());
        assertEquals("YOUTUBE", s.text(SessionAttribute.NESTED_APPLICATION));
        assertEquals(44, s.packets());
        assertEquals(12_000, s.number(SessionAttribute.SERVER_RTT_MICROS));
        assertEquals(3_000, s.number(SessionAttribute.CLIENT_RTT_MICROS));
        assertEquals(now / MS, closed.time(), "the event's time is the engine's");
        assertEquals(1, types().stream().filter(t -> t == Type.SESSION_CLOSED).count());
        assertEquals(1, types().stream().filter(t -> t == Type.SESSION_CREATED).count());
    }

    @Test
    void eachSessionHasItsOwnEventsAndTheIdentifiedEventComesBeforeTheClose() {
        AppTrackRuntime rt = runtime();
        rt.sessionEvents().addListener(recorder);
        httpSession(rt, 41000, "www.youtube.com", 1);
        httpSession(rt, 41001, "www.example.org", 1);
        rt.closeAll(CloseReason.CLI);
        assertEquals(2, ofType(Type.SESSION_CLOSED).size());
        for (AppTrackSessionEvent close : ofType(Type.SESSION_CLOSED)) {
            long id = close.subject().sessionId();
            int closeAt = events.indexOf(close);
            for (int i = closeAt + 1; i < events.size(); i++) {
                assertNotEquals(id, events.get(i).subject().sessionId(), "nothing after the close");
            }
        }
    }

    @Test
    void noListenerNoEventAndARemovedListenerHearsNothingMore() {
        AppTrackRuntime rt = runtime();
        httpSession(rt, 41000, "www.youtube.com", 0);
        assertEquals(0, rt.counters().sessionEventsDelivered());
        rt.sessionEvents().addListener(recorder);
        rt.sessionEvents().removeListener(recorder);
        rt.closeAll(CloseReason.CLI);
        assertTrue(events.isEmpty());
    }

    @Test
    void aThrowingListenerIsCountedAndNeitherThePacketsNorTheOtherListenersSuffer() {
        AppTrackRuntime rt = runtime();
        rt.sessionEvents().addListener(e -> {
            throw new IllegalStateException("listener bug");
        });
        rt.sessionEvents().addListener(recorder);
        httpSession(rt, 41000, "www.youtube.com", 2);
        rt.closeAll(CloseReason.CLI);
        assertEquals(8, rt.counters().frames());
        assertEquals(1, rt.counters().sessionsClosed());
        assertEquals(1, logs.stream().filter(r -> r.tag().equals("APPTRACK_SESSION_CLOSE")).count(),
                "the close log is written");
        assertEquals(events.size(), rt.counters().sessionListenerFailures(), "one failure per event");
        assertTrue(events.size() >= 3);
        assertEquals(events.size(), rt.counters().sessionEventsDelivered());
    }

    @Test
    void aQueuedDispatcherDropsAndCountsWhatItsListenersCannotKeepUpWith() throws InterruptedException {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch busy = new CountDownLatch(1);
        List<AppTrackSessionEvent> delivered = new java.util.concurrent.CopyOnWriteArrayList<>();
        try (SessionEventDispatcher d = SessionEventDispatcher.queued(2, "test-session-events")) {
            d.addListener(e -> {
                busy.countDown();
                try {
                    release.await();
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                }
                delivered.add(e);
            });
            AppTrackRuntime rt = new AppTrackRuntime(log, AppTrackSettings.parse(Map.of()), clock, d);
            send(rt, Frames.udp(CLIENT, 5000, SERVER, 53, 10), MS); // created: the listener blocks on it
            assertTrue(busy.await(30, TimeUnit.SECONDS));
            for (int port = 5001; port < 5011; port++) {
                send(rt, Frames.udp(CLIENT, port, SERVER, 9999, 10), MS);
            }
            assertEquals(11, rt.counters().sessionsCreated(), "the packets did not wait");
            assertTrue(rt.counters().sessionEventsDropped() >= 8, "at most 2 queued: " + rt.counters()
                    .sessionEventsDropped());
            release.countDown();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (d.pending() > 0 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertEquals(0, d.pending());
            deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (delivered.size() != rt.counters().sessionEventsDelivered() && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertEquals(rt.counters().sessionEventsDelivered(), delivered.size());
            assertTrue(delivered.size() >= 1, "the blocked event arrives once released");
            assertTrue(rt.counters().sessionEventsDelivered() + rt.counters().sessionEventsDropped() >= 11,
                    "every session's creation was delivered or counted as dropped");
        }
    }
}

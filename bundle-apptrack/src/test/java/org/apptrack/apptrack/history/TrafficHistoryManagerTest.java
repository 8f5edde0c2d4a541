package org.apptrack.apptrack.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.timeout;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.apptrack.apptrack.api.AppTrackCounters;
import org.apptrack.apptrack.api.AppTrackService;
import org.apptrack.apptrack.api.AppTrackSessionEvent;
import org.apptrack.apptrack.api.Dimension;
import org.apptrack.apptrack.api.SessionAttribute;
import org.apptrack.apptrack.api.SessionInfo;
import org.apptrack.apptrack.api.TrafficHistoryService;
import org.apptrack.apptrack.api.TrafficHistoryService.Window;
import org.apptrack.apptrack.api.Volume;
import org.junit.jupiter.api.Test;

class TrafficHistoryManagerTest {

    private static final long T0 = 1_800_000_000_000L;
    private final AppTrackService appTrack = mock(AppTrackService.class);
    private final AppTrackCounters counters = mock(AppTrackCounters.class);

    @Test
    void aSampleAddsTheClosedSessionsToTheOpenOnesInEveryDimension() {
        TrafficHistoryManager m = manager(new TrafficHistoryManager());
        Session http = session(1, "HTTP", "alice", "trust", "untrust");
        Session dns = session(2, "DNS", "N/A", "trust", "dmz");
        table(3, bytes(http, 150), bytes(dns, 30));
        m.sample(T0);
        // the HTTP session closed with 1150 bytes, one without application, user or zones opened
        close(m, bytes(http, 1150));
        table(4, bytes(dns, 30), bytes(session(3, "", "", "", ""), 20));
        m.sample(T0 + 1000);

        assertEquals((1200 - 180) * 8, m.traffic(Window.FIVE_MINUTES).get(0).bitsPerSecond(), 1e-9);
        assertEquals(1, m.traffic(Window.FIVE_MINUTES).get(0).sessionsPerSecond(), 1e-9);
        assertEquals("[HTTP=1150, DNS=30, UNKNOWN=20]", m.top(Dimension.APPLICATION, Window.SINCE_START, 5).toString());
        assertEquals("[HTTP=1000, UNKNOWN=20]", m.top(Dimension.APPLICATION, Window.FIVE_MINUTES, 5).toString());
        assertEquals("[alice=1150, N/A=50]", m.top(Dimension.USER, Window.SINCE_START, 5).toString());
        assertEquals("[trust=1180, UNKNOWN=20]", m.top(Dimension.SOURCE_ZONE, Window.SINCE_START, 5).toString());
        assertEquals("[untrust=1150, dmz=30, UNKNOWN=20]",
                m.top(Dimension.DESTINATION_ZONE, Window.SINCE_START, 5).toString());
        assertEquals("[HTTP-NESTED=1150, UNKNOWN=50]",
                m.top(Dimension.NESTED_APPLICATION, Window.SINCE_START, 5).toString());
    }

    @Test
    void closedAndOpenBytesPerZoneAndUserOverFiveMinutesAndSinceStart() {
        TrafficHistoryManager m = manager(new TrafficHistoryManager());
        Session alice = session(1, "HTTP", "alice", "trust", "untrust");
        Session bob = session(2, "SSH", "bob", "dmz", "untrust");
        for (int s = 0; s <= 400; s++) {
            List<SessionInfo> open = new ArrayList<>();
            if (s < 10) {
                open.add(bytes(alice, s * 100L));
            } else if (s == 10) {
                close(m, bytes(alice, 1000));
            }
            if (s >= 340 && s < 390) {
                open.add(bytes(bob, (s - 340) * 10L));
            } else if (s == 390) {
                close(m, bytes(bob, 500));
            }
            table(s, open.toArray(new SessionInfo[0]));
            m.sample(T0 + s * 1000L);
        }
        assertEquals("[alice=1000, bob=500]", m.top(Dimension.USER, Window.SINCE_START, 10).toString());
        assertEquals("[bob=500]", m.top(Dimension.USER, Window.FIVE_MINUTES, 10).toString());
        assertEquals("[alice=1000, bob=500]", m.top(Dimension.USER, Window.ONE_HOUR, 10).toString());
        assertEquals("[trust=1000, dmz=500]", m.top(Dimension.SOURCE_ZONE, Window.SINCE_START, 10).toString());
        assertEquals("[dmz=500]", m.top(Dimension.SOURCE_ZONE, Window.FIVE_MINUTES, 10).toString());
        assertEquals("[untrust=1500]", m.top(Dimension.DESTINATION_ZONE, Window.SINCE_START, 10).toString());
        assertEquals("[untrust=500]", m.top(Dimension.DESTINATION_ZONE, Window.FIVE_MINUTES, 10).toString());
    }

    @Test
    void aCloseHeardAfterTheTableLostTheSessionCountsItsBytesOnce() {
        TrafficHistoryManager m = manager(new TrafficHistoryManager());
        Session alice = session(1, "HTTP", "alice", "trust", "untrust");
        table(1, bytes(alice, 100));
        m.sample(T0);
        table(1); // closed, its event still on its way
        m.sample(T0 + 1000);
        close(m, bytes(alice, 150));
        table(1);
        m.sample(T0 + 2000);

        assertEquals(0, m.traffic(Window.FIVE_MINUTES).get(0).bitsPerSecond(), 1e-9);
        assertEquals(50 * 8, m.traffic(Window.FIVE_MINUTES).get(1).bitsPerSecond(), 1e-9);
        assertEquals("[alice=150]", m.top(Dimension.USER, Window.SINCE_START, 5).toString());
        assertEquals("[alice=50]", m.top(Dimension.USER, Window.FIVE_MINUTES, 5).toString());
    }

    @Test
    void onlyClosesCountNotCreationOrIdentification() {
        TrafficHistoryManager m = manager(new TrafficHistoryManager());
        SessionInfo s = bytes(session(1, "HTTP", "alice", "trust", "untrust"), 500);
        m.closedSessions.event(new AppTrackSessionEvent(AppTrackSessionEvent.Type.SESSION_CREATED, s, T0, ""));
        m.closedSessions.event(new AppTrackSessionEvent(AppTrackSessionEvent.Type.APPLICATION_IDENTIFIED, s, T0, ""));
        table(1);
        m.sample(T0);
        assertEquals("[]", m.top(Dimension.APPLICATION, Window.SINCE_START, 5).toString());
    }

    @Test
    void theDistinctNamesOfADimensionAreBoundedTheRestCountsAsOther() {
        TrafficHistoryManager m = manager(new TrafficHistoryManager());
        int names = TrafficHistory.MAX_NAMES + 5;
        for (int i = 0; i < names; i++) {
            close(m, bytes(session(i, "HTTP", "user" + i, "trust", "untrust"), 10));
        }
        table(names);
        m.sample(T0);
        List<Volume> users = m.top(Dimension.USER, Window.SINCE_START, Integer.MAX_VALUE);
        assertEquals(TrafficHistory.MAX_NAMES + 1, users.size());
        assertEquals(TrafficHistoryService.OTHER + "=50", users.get(0).toString());
        assertEquals("[HTTP=" + names * 10 + "]", m.top(Dimension.APPLICATION, Window.SINCE_START, 5).toString());
    }

    @Test
    void aSessionPastTheBoundStaysUnderOtherWhenItCloses() {
        TrafficHistoryManager m = manager(new TrafficHistoryManager(3));
        for (int i = 1; i <= 5; i++) {
            close(m, bytes(session(i, "HTTP", "u" + i, "trust", "untrust"), 10));
        }
        Session u6 = session(6, "HTTP", "u6", "trust", "untrust");
        table(6, bytes(u6, 7));
        m.sample(T0);
        assertEquals("[" + TrafficHistoryService.OTHER + "=27, u1=10, u2=10, u3=10]",
                m.top(Dimension.USER, Window.SINCE_START, 10).toString());
        close(m, bytes(u6, 8));
        table(6);
        m.sample(T0 + 1000);
        assertEquals("[" + TrafficHistoryService.OTHER + "=28, u1=10, u2=10, u3=10]",
                m.top(Dimension.USER, Window.SINCE_START, 10).toString());
    }

    @Test
    void closesHeardWhileSamplingAreAllCounted() throws Exception {
        TrafficHistoryManager m = manager(new TrafficHistoryManager());
        table(0);
        int closes = 20_000;
        Thread events = new Thread(() -> {
            for (int i = 0; i < closes; i++) {
                close(m, bytes(session(i, "HTTP", "u" + i % 50, "trust", "untrust"), 10));
            }
        });
        events.start();
        long t = T0;
        while (events.isAlive()) {
            m.sample(t += 1000);
        }
        events.join();
        m.sample(t + 1000);
        long users = m.top(Dimension.USER, Window.SINCE_START, 100).stream().mapToLong(Volume::bytes).sum();
        assertEquals(closes * 10L, users);
    }

    @Test
    void theListenerIsAddedOnActivateAndRemovedOnDeactivate() {
        TrafficHistoryManager m = manager(new TrafficHistoryManager());
        table(0);
        m.activate();
        verify(appTrack).addListener(m.closedSessions);
        verify(appTrack, never()).removeListener(any());
        verify(appTrack, timeout(10_000)).counters(); // the sampler ran
        m.deactivate();
        verify(appTrack).removeListener(m.closedSessions);
    }

    private TrafficHistoryManager manager(TrafficHistoryManager m) {
        m.appTrack = appTrack;
        return m;
    }

    private void table(long created, SessionInfo... open) {
        doAnswer(call -> {
            Set<SessionAttribute> asked = call.getArgument(1);
            for (Dimension d : Dimension.values()) {
                assertTrue(asked.contains(d.attribute()), "the sample reads " + d.attribute());
            }
            assertTrue(asked.containsAll(EnumSet.of(SessionAttribute.BYTES_FROM_CLIENT,
                    SessionAttribute.BYTES_FROM_SERVER)), "the sample reads the bytes");
            return List.of(open);
        }).when(appTrack).openSessions(anyInt(), any());
        when(counters.sessionsCreated()).thenReturn(created);
        when(counters.activeSessions()).thenReturn((long) open.length);
        when(appTrack.counters()).thenReturn(counters);
    }

    private static void close(TrafficHistoryManager m, SessionInfo last) {
        m.closedSessions.event(new AppTrackSessionEvent(AppTrackSessionEvent.Type.SESSION_CLOSED, last, T0, "TCP FIN"));
    }

    private static Session session(long id, String application, String user, String from, String to) {
        return new Session(id, application, user, from, to);
    }

    private static SessionInfo bytes(Session session, long total) {
        return session.withBytes(total);
    }

    /** A session's attributes the dimensions read; {@link #withBytes} describes it with its bytes so far. */
    private static final class Session {
        final long id;
        final String application;
        final String user;
        final String from;
        final String to;

        Session(long id, String application, String user, String from, String to) {
            this.id = id;
            this.application = application;
            this.user = user;
            this.from = from;
            this.to = to;
        }

        /** Two thirds of the bytes from the server. */
        SessionInfo withBytes(long total) {
            return SessionInfo.builder().put(SessionAttribute.SESSION_ID, id)
                    .put(SessionAttribute.APPLICATION, application)
                    .put(SessionAttribute.NESTED_APPLICATION, application.equals("HTTP") ? "HTTP-NESTED" : "")
                    .put(SessionAttribute.USERNAME, user)
                    .put(SessionAttribute.SOURCE_ZONE, from).put(SessionAttribute.DESTINATION_ZONE, to)
                    .put(SessionAttribute.BYTES_FROM_CLIENT, total / 3)
                    .put(SessionAttribute.BYTES_FROM_SERVER, total - total / 3).build();
        }
    }
}

package org.apptrack.apptrack.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.List;
import java.util.Map;
import org.apptrack.apptrack.api.AppTrackCounters;
import org.apptrack.apptrack.api.AppTrackService;
import org.apptrack.apptrack.api.ApplicationIdentificationService;
import org.apptrack.apptrack.api.ApplicationIdentificationService.Period;
import org.apptrack.apptrack.api.ApplicationStatistics;
import org.apptrack.apptrack.api.SessionAttribute;
import org.apptrack.apptrack.api.SessionInfo;
import org.apptrack.apptrack.api.TrafficHistoryService.Window;
import org.junit.jupiter.api.Test;

class TrafficHistoryManagerTest {

    private final AppTrackService appTrack = mock(AppTrackService.class);
    private final ApplicationIdentificationService identification = mock(ApplicationIdentificationService.class);

    @Test
    void aSampleAddsTheClosedSessionsStatisticsToTheOpenSessionsBytes() {
        TrafficHistory h = new TrafficHistory();
        reading(List.of(new ApplicationStatistics("HTTP", "None", 1, 10, 1000)),
                List.of(open(1, "HTTP", 100, 50), open(2, "DNS", 30, 0)), 3, 2);
        TrafficHistoryManager.sample(h, appTrack, identification, 1_000);
        // one second later the HTTP session closed (its bytes moved to the statistics) and a DNS one opened
        reading(List.of(new ApplicationStatistics("HTTP", "None", 2, 20, 1150)),
                List.of(open(2, "DNS", 30, 0), open(3, null, 20, 0)), 4, 2);
        TrafficHistoryManager.sample(h, appTrack, identification, 2_000);

        assertEquals(20 * 8, h.traffic(Window.FIVE_MINUTES).get(0).bitsPerSecond(), 1e-9);
        assertEquals(1, h.traffic(Window.FIVE_MINUTES).get(0).sessionsPerSecond(), 1e-9);
        assertEquals("[HTTP=1150, DNS=30, UNKNOWN=20]", h.topApplications(Window.SINCE_START, 5).toString());
        assertEquals("[UNKNOWN=20]", h.topApplications(Window.FIVE_MINUTES, 5).toString());
    }

    private void reading(List<ApplicationStatistics> closed, List<SessionInfo> open, long created, long active) {
        when(identification.statistics(Period.SINCE_START)).thenReturn(closed);
        when(appTrack.sessions(any(), anyInt())).thenReturn(open);
        AppTrackCounters counters = mock(AppTrackCounters.class);
        when(counters.sessionsCreated()).thenReturn(created);
        when(counters.activeSessions()).thenReturn(active);
        when(appTrack.counters()).thenReturn(counters);
    }

    private static SessionInfo open(long id, String application, long fromClient, long fromServer) {
        SessionInfo.Builder b = SessionInfo.builder().put(SessionAttribute.SESSION_ID, id)
                .put(SessionAttribute.BYTES_FROM_CLIENT, fromClient).put(SessionAttribute.BYTES_FROM_SERVER, fromServer);
        return application == null ? b.build() : b.put(SessionAttribute.APPLICATION, application).build();
    }
}

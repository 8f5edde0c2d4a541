package org.apptrack.apptrack.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.ArrayList;
import java.util.List;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apptrack.apptrack.api.AppTrackService;
import org.apptrack.apptrack.api.SessionAttribute;
import org.apptrack.apptrack.api.SessionInfo;
import org.apptrack.apptrack.api.ZoneInfo;
import org.junit.jupiter.api.Test;

/** Tab completion of the {@code apptrack:sessions} filters offers what the filters can match. */
class CompletersTest {

    private static List<String> complete(Completer completer, String typed) {
        CommandLine line = mock(CommandLine.class);
        when(line.getCursorArgument()).thenReturn(typed);
        when(line.getArgumentPosition()).thenReturn(typed.length());
        List<String> candidates = new ArrayList<>();
        completer.complete(null, line, candidates);
        List<String> words = new ArrayList<>();
        for (String c : candidates) {
            words.add(c.trim());
        }
        words.sort(null);
        return words;
    }

    @Test
    void zonesAreTheConfiguredOnes() {
        AppTrackService service = mock(AppTrackService.class);
        when(service.zones()).thenReturn(List.of(
                new ZoneInfo("trust", true, "root-logical-system", List.of("10.0.0.0/8"), List.of(), 0, 0),
                new ZoneInfo("untrust", false, "root-logical-system", List.of("0.0.0.0/0"), List.of(), 0, 0),
                new ZoneInfo("dmz", true, "root-logical-system", List.of("192.0.2.0/24"), List.of(), 0, 0)));
        ZoneNameCompleter zones = new ZoneNameCompleter();
        zones.appTrack = service;
        assertEquals(List.of("dmz", "trust", "untrust"), complete(zones, ""));
        assertEquals(List.of("trust"), complete(zones, "tr"));
    }

    @Test
    void applicationsAreThoseOfOpenSessionsOnceEach() {
        AppTrackService service = mock(AppTrackService.class);
        when(service.sessions(any(), anyInt())).thenReturn(List.of(
                SessionInfo.builder().put(SessionAttribute.SESSION_ID, 1).put(SessionAttribute.APPLICATION, "HTTP").build(),
                SessionInfo.builder().put(SessionAttribute.SESSION_ID, 2).put(SessionAttribute.APPLICATION, "DNS").build(),
                SessionInfo.builder().put(SessionAttribute.SESSION_ID, 3).put(SessionAttribute.APPLICATION, "HTTP").build()));
        ApplicationNameCompleter apps = new ApplicationNameCompleter();
        apps.appTrack = service;
        assertEquals(List.of("DNS", "HTTP"), complete(apps, ""));
        assertEquals(List.of("HTTP"), complete(apps, "H"));
    }

    @Test
    void protocolsAreTheNamesTheFilterTakes() {
        assertEquals(List.of("icmp", "icmpv6"), complete(new ProtocolCompleter(), "ic"));
    }

    @Test
    void ordersAreTheOnesSortTakes() {
        assertEquals(List.of("bytes", "duration", "id", "packets"), complete(new SessionOrderCompleter(), ""));
    }
}

package org.apptrack.web.apptrack;

import static org.apptrack.apptrack.api.SessionAttribute.*;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.apptrack.apptrack.api.AppTrackCounters;
import org.apptrack.apptrack.api.AppTrackService;
import org.apptrack.apptrack.api.AppTrackSessionListener;
import org.apptrack.apptrack.api.SessionRoute;
import org.apptrack.apptrack.api.SessionInfo;
import org.apptrack.apptrack.api.SessionOrder;
import org.apptrack.apptrack.api.ZoneInfo;

/** An AppTrackService over a list of sessions, recording what it was asked. */
final class FakeAppTrackService implements AppTrackService {

    final List<ZoneInfo> zones = new ArrayList<>();

    final List<SessionInfo> sessions = new ArrayList<>();
    int lastLimit = -1;
    SessionOrder lastOrder;
    int clearCalls;
    int filteredClearCalls;

    /** A session with the given identity; counts and times derived from the id. */
    static SessionInfo session(long id, String client, int clientPort, String server, int serverPort, int protocol,
                               String application, String sourceZone, String destinationZone) {
        return SessionInfo.builder().put(SESSION_ID, id).put(CLIENT_ADDRESS, client).put(CLIENT_PORT, clientPort)
                .put(SERVER_ADDRESS, server).put(SERVER_PORT, serverPort).put(PROTOCOL, protocol)
                .put(SERVICE_NAME, "junos-" + application.toLowerCase()).put(APPLICATION, application)
                .put(SOURCE_ZONE, sourceZone).put(DESTINATION_ZONE, destinationZone).put(POLICY_NAME, "p" + id)
                .put(LOGICAL_SYSTEM, "root-logical-system").put(USERNAME, "user" + id).put(ROLES, "N/A")
                .put(PACKETS_FROM_CLIENT, 3).put(BYTES_FROM_CLIENT, 300 + id).put(PACKETS_FROM_SERVER, 2)
                .put(BYTES_FROM_SERVER, 2000 + id).put(START_MILLIS, 1_700_000_000_000L + id)
                .put(LAST_SEEN_MILLIS, 1_700_000_005_000L + id).build();
    }

    @Override
    public void addListener(AppTrackSessionListener listener) {
        throw new UnsupportedOperationException("the REST resources do not listen");
    }

    @Override
    public void removeListener(AppTrackSessionListener listener) {
        throw new UnsupportedOperationException("the REST resources do not listen");
    }

    @Override
    public boolean updateRoute(long sessionId, SessionRoute route) {
        throw new UnsupportedOperationException("the REST resources do not route");
    }

    @Override
    public AppTrackCounters counters() {
        Map<String, Long> closed = new LinkedHashMap<>();
        closed.put("TCP FIN", 4L);
        closed.put("CLI", (long) clearCalls);
        closed.put("idle Timeout", 0L);
        return new AppTrackCounters(10, 2, 4, 0, 10, 4, sessions.size(), 7, 1234, 5, 6, 8, 9, 11, closed,
                Map.of("TRUNCATED_IPV4", 5L));
    }

    @Override
    public List<SessionInfo> sessions(Predicate<SessionInfo> filter, int limit) {
        lastLimit = limit;
        List<SessionInfo> out = new ArrayList<>();
        for (SessionInfo s : sessions) {
            if (out.size() < limit && filter.test(s)) {
                out.add(s);
            }
        }
        out.sort(Comparator.comparingLong(SessionInfo::sessionId));
        return out;
    }

    @Override
    public List<SessionInfo> sessions(Predicate<SessionInfo> filter, int limit, SessionOrder order) {
        lastOrder = order;
        List<SessionInfo> result = AppTrackService.super.sessions(filter, limit, order);
        lastLimit = limit; // the default asked for every match
        return result;
    }

    @Override
    public List<ZoneInfo> zones() {
        return zones;
    }

    @Override
    public boolean enabled() {
        return true;
    }

    @Override
    public int clearSessions() {
        clearCalls++;
        int n = sessions.size();
        sessions.clear();
        return n;
    }

    @Override
    public int clearSessions(Predicate<SessionInfo> filter) {
        filteredClearCalls++;
        int before = sessions.size();
        sessions.removeIf(filter);
        return before - sessions.size();
    }
}

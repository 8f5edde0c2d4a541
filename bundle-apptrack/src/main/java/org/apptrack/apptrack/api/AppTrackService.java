package org.apptrack.apptrack.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.onosproject.event.ListenerService;

/**
 * Application tracking: sessions from the packets ONOS delivers, and their AppTrack logs.
 * Listeners hear of each session's creation, application identification and close
 * ({@link AppTrackSessionEvent}); they are called on one dispatcher thread, in order, after the
 * fact, and an event that finds the dispatcher's queue full is dropped and counted
 * ({@link AppTrackCounters#sessionEventsDropped()}).
 */
public interface AppTrackService extends ListenerService<AppTrackSessionEvent, AppTrackSessionListener> {

    /** The counters since AppTrack started (or since a new session limit was configured). */
    AppTrackCounters counters();

    /**
     * The tracked sessions that match the filter, at most {@code limit} of them. Pass a
     * {@link SessionFilter} where one will do: the implementation can then read it from the
     * session table and describe only the sessions it returns, where any other predicate must see
     * the description of each session in turn.
     *
     * @param filter which sessions to return
     * @param limit the most to return
     */
    List<SessionInfo> sessions(Predicate<SessionInfo> filter, int limit);

    /**
     * The tracked sessions that match the filter, in {@code order}, at most {@code limit} of
     * them: with {@link SessionOrder#BYTES} the heaviest ones. This default lists every match and
     * sorts it; implementations order the table first and describe only what they return.
     */
    default List<SessionInfo> sessions(Predicate<SessionInfo> filter, int limit, SessionOrder order) {
        List<SessionInfo> all = new ArrayList<>(sessions(filter, Integer.MAX_VALUE));
        all.sort(order.comparator());
        return all.size() > limit ? new ArrayList<>(all.subList(0, limit)) : all;
    }

    /**
     * The first {@code limit} open sessions by id, each described by {@code attributes} alone (any
     * other attribute 0 or empty): for a caller that reads a few attributes of many sessions, at
     * the cost of those. This default describes every attribute.
     *
     * @param limit the most to return
     * @param attributes the attributes to describe
     */
    default List<SessionInfo> openSessions(int limit, Set<SessionAttribute> attributes) {
        return sessions(s -> true, limit);
    }

    /**
     * Closes every session with reason {@code CLI}, logging each close (when close logs are on).
     *
     * @return the number of sessions closed
     */
    int clearSessions();

    /**
     * Closes the sessions that match the filter with reason {@code CLI}, logging each close (when
     * close logs are on); sessions linked under a closed session close with it ("parent closed",
     * not counted here).
     *
     * @return the number of sessions closed
     */
    int clearSessions(Predicate<SessionInfo> filter);

    /**
     * Gives an open session a new route (path selection steered it), effective for its logs from
     * now on: when the route differs from the session's current one, logs
     * {@code APPTRACK_SESSION_ROUTE_UPDATE} and {@code RT_FLOW_NEXTHOP_CHANGE} (the latter naming
     * the previous route's interfaces), and later volume updates and the close carry it.
     *
     * @param sessionId the session's id ({@link SessionInfo#sessionId()}, session-id-32)
     * @return false, changing nothing, when no open session has that id (counted in
     *     {@link AppTrackCounters#routeUpdatesUnknownSession()})
     */
    boolean updateRoute(long sessionId, SessionRoute route);

    /** The configured security zones, by name, with their open session counts. */
    List<ZoneInfo> zones();

    /** Whether AppTrack is on (Junos {@code application-tracking disable} turns it off, zones kept). */
    boolean enabled();
}

package org.apptrack.apptrack.impl;

import java.util.function.Predicate;
import org.apptrack.apptrack.api.SessionFilter;
import org.apptrack.apptrack.api.SessionInfo;
import org.apptrack.apptrack.engine.session.SessionTable;
import org.apptrack.apptrack.engine.zone.ZonePolicy;
import org.apptrack.apptrack.model.SessionModel;

/**
 * A query's filter evaluated on the session table's own fields, so that a query over a million
 * sessions describes (and allocates) only the sessions that pass, while it holds the lock that
 * packets wait for.
 *
 * <p>For a {@link SessionFilter} the selection is exact: {@link #matches} is true exactly when
 * the filter accepts the session's {@link SessionInfo}. Any other predicate cannot be read from
 * the table: every session is a candidate, and the caller tests the description.
 */
final class SessionSelector {

    private static final byte UNKNOWN = 0;
    private static final byte YES = 1;
    private static final byte NO = 2;
    /** Policy indices are 16 bits (see {@link SessionTable#policy}). */
    private static final int POLICIES = 1 << 16;
    /** Application ids below this are remembered; above, compared each time. */
    private static final int REMEMBERED_APPLICATIONS = 1 << 12;

    private final SessionFilter filter;
    private final SessionModel model;
    /** Per policy index: does its source or destination zone match (lazily filled). */
    private final byte[] policyMatch;
    /** Per application id: does its name match (lazily filled). */
    private final byte[] applicationMatch;

    private SessionSelector(SessionFilter filter, SessionModel model) {
        this.filter = filter;
        this.model = model;
        this.policyMatch = filter != null && filter.zoneName() != null ? new byte[POLICIES] : null;
        this.applicationMatch = filter != null && filter.applicationName() != null
                ? new byte[REMEMBERED_APPLICATIONS] : null;
    }

    /** The selector of {@code predicate}: exact for a {@link SessionFilter}, every session otherwise. */
    static SessionSelector of(Predicate<SessionInfo> predicate, SessionModel model) {
        return new SessionSelector(predicate instanceof SessionFilter ? (SessionFilter) predicate : null, model);
    }

    /** Whether {@link #matches} decides alone; when false, the caller must also test the description. */
    boolean exact() {
        return filter != null;
    }

    /** Whether live session {@code s} passes (for an inexact selector: may pass). */
    boolean matches(int s) {
        SessionFilter f = filter;
        if (f == null) {
            return true;
        }
        SessionTable t = model.table();
        int port = f.portNumber();
        if (port >= 0 && port != t.clientPort(s) && port != t.serverPort(s)) {
            return false;
        }
        int protocol = f.ipProtocol();
        if (protocol >= 0 && protocol != t.protocol(s)) {
            return false;
        }
        long id = f.sessionIdNumber();
        if (id >= 0 && id != (t.sessionId(s) & 0xffff_ffffL)) {
            return false;
        }
        if (f.hasAddress() && !isClientOrServer(t, s, f.addressHigh(), f.addressLow())) {
            return false;
        }
        return (policyMatch == null || zoneMatches(t.policy(s)))
                && (applicationMatch == null || applicationMatches(model.applicationId(s)));
    }

    private static boolean isClientOrServer(SessionTable t, int s, long high, long low) {
        return (t.clientAddrLo(s) == low && t.clientAddrHi(s) == high)
                || (t.serverAddrLo(s) == low && t.serverAddrHi(s) == high);
    }

    private boolean zoneMatches(int policy) {
        byte known = policyMatch[policy];
        if (known == UNKNOWN) {
            // The same policy the description uses (an index out of range reads policy 0 there too).
            ZonePolicy p = model.zones().policy(policy);
            String zone = filter.zoneName();
            known = zone.equals(p.sourceZone().name()) || zone.equals(p.destinationZone().name()) ? YES : NO;
            policyMatch[policy] = known;
        }
        return known == YES;
    }

    private boolean applicationMatches(int application) {
        if (application < 0 || application >= REMEMBERED_APPLICATIONS) {
            return filter.applicationName().equalsIgnoreCase(model.catalog().application(application));
        }
        byte known = applicationMatch[application];
        if (known == UNKNOWN) {
            known = filter.applicationName().equalsIgnoreCase(model.catalog().application(application)) ? YES : NO;
            applicationMatch[application] = known;
        }
        return known == YES;
    }
}

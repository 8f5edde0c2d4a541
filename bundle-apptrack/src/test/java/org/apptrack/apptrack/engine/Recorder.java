package org.apptrack.apptrack.engine;

import java.util.ArrayList;
import java.util.List;
import org.apptrack.apptrack.engine.session.SessionTable;

/** Records engine events with the session's state at the time of the event. */
final class Recorder implements SessionEventListener {

    static final class Event {
        final String type;
        final CloseReason reason;
        final int sessionId;
        final long atNanos;
        final long cPkts;
        final long cBytes;
        final long sPkts;
        final long sBytes;
        final int clientPort;
        final int serverPort;
        final int protocol;
        /** The client's address, low half (IPv4: {@link SessionTable#ipv4Lo}). */
        final long clientAddrLo;

        Event(String type, CloseReason reason, SessionTable t, int s, long at) {
            this.type = type;
            this.reason = reason;
            this.sessionId = t.sessionId(s);
            this.atNanos = at;
            this.cPkts = t.clientPackets(s);
            this.cBytes = t.clientBytes(s);
            this.sPkts = t.serverPackets(s);
            this.sBytes = t.serverBytes(s);
            this.clientPort = t.clientPort(s);
            this.serverPort = t.serverPort(s);
            this.protocol = t.protocol(s);
            this.clientAddrLo = t.clientAddrLo(s);
        }

        @Override
        public String toString() {
            return type + (reason == null ? "" : "(" + reason.wireName() + ")") + "#" + sessionId + "@" + atNanos
                    + " c=" + cPkts + "/" + cBytes + " s=" + sPkts + "/" + sBytes;
        }
    }

    AppTrackEngine engine;
    final List<Event> events = new ArrayList<>();

    @Override
    public void sessionCreated(SessionTable table, int session) {
        events.add(new Event("created", null, table, session, engine.eventNanos()));
    }

    @Override
    public void sessionUpdated(SessionTable table, int session) {
        events.add(new Event("updated", null, table, session, engine.eventNanos()));
    }

    @Override
    public void sessionEnding(SessionTable table, int session, CloseReason reason) {
        events.add(new Event("ending", reason, table, session, engine.eventNanos()));
    }

    @Override
    public void sessionClosed(SessionTable table, int session, CloseReason reason) {
        if (!table.isLive(session)) {
            throw new AssertionError("closed session must still be live");
        }
        events.add(new Event("closed", reason, table, session, engine.eventNanos()));
    }

    List<Event> of(String type) {
        List<Event> r = new ArrayList<>();
        for (Event e : events) {
            if (e.type.equals(type)) {
                r.add(e);
            }
        }
        return r;
    }

    Event only(String type) {
        List<Event> r = of(type);
        if (r.size() != 1) {
            throw new AssertionError("expected one " + type + " event: " + events);
        }
        return r.get(0);
    }
}

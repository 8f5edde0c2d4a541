package org.apptrack.apptrack.cli;

import java.time.Instant;
import java.util.List;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.apptrack.apptrack.api.SessionAttribute;
import org.apptrack.apptrack.api.SessionFilter;
import org.apptrack.apptrack.api.SessionInfo;
import org.apptrack.apptrack.api.SessionOrder;

/** Lists the tracked sessions, as {@code show security application-tracking ...} on an SRX. */
@Service
@Command(scope = "apptrack", name = "sessions", description = "Lists the tracked sessions, with filters")
public class SessionsCommand extends SessionFilterCommand {

    /** Boxed: null when not given, so that any given value is validated. */
    @Option(name = "--detail", description = "Every field of the session with this session id")
    Long detail;

    @Option(name = "--limit", description = "Show at most this many sessions (1..1000000)")
    int limit = 100;
    /** As the REST listing's limit. */
    static final int MAX_LIMIT = 1_000_000;

    @Option(name = "--sort", description = "id (default), or heaviest first: bytes, packets, duration")
    @Completion(SessionOrderCompleter.class)
    String sort = "id";

    @Override
    public Object execute() {
        SessionFilter filter = validFilter();
        SessionOrder order;
        try {
            if (detail != null) {
                filter.sessionId(detail);
            }
            order = SessionOrder.parse(sort);
            if (limit < 1 || limit > MAX_LIMIT) {
                throw new IllegalArgumentException("limit: out of range 1.." + MAX_LIMIT + ": " + limit);
            }
        } catch (IllegalArgumentException e) {
            throw invalid(e);
        }
        List<SessionInfo> sessions = appTrack.sessions(filter, detail != null ? 1 : limit, order);
        if (detail != null) {
            if (sessions.isEmpty()) {
                throw new IllegalArgumentException("No session " + detail);
            }
            printDetail(sessions.get(0));
            return null;
        }
        ShellTable table = new ShellTable();
        for (String c : new String[] {"Id", "Client", "Server", "Proto", "Service", "Application", "Zones"}) {
            table.column(c);
        }
        table.column("Pkts c->s").alignRight();
        table.column("Bytes c->s").alignRight();
        table.column("Pkts s->c").alignRight();
        table.column("Bytes s->c").alignRight();
        for (SessionInfo s : sessions) {
            table.addRow().addContent(s.sessionId(), s.clientAddress() + "/" + s.clientPort(),
                    s.serverAddress() + "/" + s.serverPort(), s.protocol(), s.text(SessionAttribute.SERVICE_NAME),
                    s.application(), s.sourceZone() + "->" + s.destinationZone(),
                    s.number(SessionAttribute.PACKETS_FROM_CLIENT), s.number(SessionAttribute.BYTES_FROM_CLIENT),
                    s.number(SessionAttribute.PACKETS_FROM_SERVER), s.number(SessionAttribute.BYTES_FROM_SERVER));
        }
        table.print(System.out);
        System.out.println(sessions.size() + " session(s) shown" + (sessions.size() == limit ? " (limit reached)" : ""));
        return null;
    }

    /** Every attribute, one per line, as the session model describes it. */
    private static void printDetail(SessionInfo s) {
        int width = 0;
        for (SessionAttribute a : SessionAttribute.values()) {
            width = Math.max(width, a.label().length() + 2);
        }
        for (SessionAttribute a : SessionAttribute.values()) {
            if (a == SessionAttribute.PARENT_SESSION_ID && s.number(a) == 0) {
                continue; // no parent
            }
            String value = a.kind() == SessionAttribute.Kind.TIME ? Instant.ofEpochMilli(s.number(a)).toString()
                    : String.valueOf(s.value(a));
            System.out.println(String.format("%-" + width + "s%s", a.label() + ":", value));
        }
    }
}

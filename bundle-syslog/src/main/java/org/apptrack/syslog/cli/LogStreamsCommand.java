package org.apptrack.syslog.cli;

import java.time.Instant;
import java.util.List;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.apptrack.syslog.api.LogStreamStatus;
import org.apptrack.syslog.api.SecurityLogService;

/** Lists the security-log streams with their state and counters. */
@Service
@Command(scope = "apptrack", name = "log-streams",
        description = "Lists the security-log streams: state, destination and delivery counters")
public class LogStreamsCommand implements Action {

    @Argument(name = "name", description = "Show only this stream", required = false)
    String name;

    @Reference
    SecurityLogService service;

    @Override
    public Object execute() {
        List<LogStreamStatus> streams = service.streams();
        ShellTable table = new ShellTable();
        table.column("Name");
        table.column("Transport");
        table.column("Format");
        table.column("Destination");
        table.column("State");
        table.column("Queue").alignRight();
        table.column("Queued").alignRight();
        table.column("Sent").alignRight();
        table.column("Dropped").alignRight();
        table.column("Rate-limited").alignRight();
        table.column("Reconnects").alignRight();
        table.column("Errors").alignRight();
        int shown = 0;
        for (LogStreamStatus s : streams) {
            if (name != null && !name.equals(s.name())) {
                continue;
            }
            table.addRow().addContent(s.name(), s.transport(), s.format(), s.destination(), s.state(),
                    s.queueDepth() + "/" + s.queueCapacity(), s.queued(), s.sent(), s.dropped(),
                    s.rateLimit() > 0 ? s.rateLimited() : "-", s.reconnects(), s.errors());
            shown++;
        }
        if (shown == 0 && name != null) {
            throw new IllegalArgumentException("No log stream named " + name);
        }
        if (shown == 0) {
            System.out.println("No log streams configured (etc/org.apptrack.syslog.stream-NAME.cfg).");
            return null;
        }
        table.print(System.out);
        for (LogStreamStatus s : streams) {
            if (name != null && !name.equals(s.name())) {
                continue;
            }
            if (s.rateLimit() > 0) {
                System.out.println(s.name() + ": rate limit " + s.rateLimit() + " records per second");
            }
            if (s.configError() != null) {
                System.out.println(s.name() + ": configuration error: " + s.configError());
            }
            if (s.lastError() != null) {
                System.out.println(s.name() + ": last error at " + Instant.ofEpochMilli(s.lastErrorMillis()) + ": "
                        + s.lastError());
            }
        }
        return null;
    }
}

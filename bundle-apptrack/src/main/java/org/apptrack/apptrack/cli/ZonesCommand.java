package org.apptrack.apptrack.cli;

import java.util.List;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.apptrack.apptrack.api.AppTrackService;
import org.apptrack.apptrack.api.ZoneInfo;

/** The security zones AppTrack places sessions in, as {@code show security zones} with AppTrack's view. */
@Service
@Command(scope = "apptrack", name = "zones", description = "Shows the security zones and their open sessions")
public class ZonesCommand implements Action {

    @Reference
    AppTrackService appTrack;

    @Override
    public Object execute() {
        List<ZoneInfo> zones = appTrack.zones();
        if (!appTrack.enabled()) {
            System.out.println("AppTrack is disabled (disable = true): no zone is tracked.");
        }
        ShellTable table = new ShellTable();
        table.column("Zone");
        table.column("AppTrack");
        table.column("Logical system");
        table.column("Sessions from").alignRight();
        table.column("Sessions to").alignRight();
        table.column("Prefixes");
        table.column("Interfaces");
        for (ZoneInfo z : zones) {
            table.addRow().addContent(z.name(), z.applicationTracking() ? "enabled" : "disabled", z.logicalSystem(),
                    z.sessionsFrom(), z.sessionsTo(), String.join(", ", z.prefixes()), String.join(", ", z.interfaces()));
        }
        table.print(System.out);
        return null;
    }
}

package org.apptrack.apptrack.cli;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apptrack.apptrack.api.ApplicationIdentificationService;
import org.apptrack.apptrack.api.ApplicationIdentificationService.Period;
import org.apptrack.apptrack.api.ApplicationStatistics;

/** As {@code show services application-identification statistics applications}. */
@Service
@Command(scope = "apptrack", name = "appid-statistics",
        description = "Shows sessions, packets and bytes per application and nested application (closed sessions)")
public class AppIdStatisticsCommand implements Action {

    @Reference
    ApplicationIdentificationService appId;

    @Option(name = "--interval", description = "Only the current statistics interval (one day), not since the start")
    boolean interval;

    @Override
    public Object execute() {
        System.out.printf("%-28s %-28s %12s %14s %16s%n", "Application", "Nested application", "Sessions", "Packets",
                "Bytes");
        for (ApplicationStatistics row : appId.statistics(interval ? Period.INTERVAL : Period.SINCE_START)) {
            System.out.printf("%-28s %-28s %,12d %,14d %,16d%n", row.application(), row.nestedApplication(),
                    row.sessions(), row.packets(), row.bytes());
        }
        return null;
    }
}

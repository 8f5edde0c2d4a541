package org.apptrack.apptrack.cli;

import java.util.List;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apptrack.apptrack.api.ApplicationIdentificationService;
import org.apptrack.apptrack.api.ApplicationIdentificationService.Period;
import org.apptrack.apptrack.api.ApplicationStatistics;
import org.apptrack.apptrack.api.ClusterStatisticsService;

/**
 * As {@code show services application-identification statistics applications}. In an ONOS
 * cluster it shows the cluster's totals, as ONOS's own commands show the cluster's state;
 * {@code --local} shows this node's.
 */
@Service
@Command(scope = "apptrack", name = "appid-statistics",
        description = "Shows sessions, packets and bytes per application and nested application (closed sessions);"
                + " in an ONOS cluster the totals of all nodes")
public class AppIdStatisticsCommand implements Action {

    @Reference
    ApplicationIdentificationService appId;

    @Reference(optional = true)
    ClusterStatisticsService cluster;

    @Option(name = "--interval", description = "Only the current statistics interval (one day), not since the start")
    boolean interval;

    @Option(name = "--local", description = "This node's statistics only, not the cluster's totals")
    boolean local;

    @Override
    public Object execute() {
        Period period = interval ? Period.INTERVAL : Period.SINCE_START;
        List<ApplicationStatistics> rows;
        if (!local && cluster != null && cluster.clustered()) {
            System.out.printf("Cluster totals of %d nodes (the other nodes' as of their last publication)%n",
                    cluster.nodes());
            rows = cluster.statistics(period);
        } else {
            rows = appId.statistics(period);
        }
        System.out.printf("%-28s %-28s %12s %14s %16s%n", "Application", "Nested application", "Sessions", "Packets",
                "Bytes");
        for (ApplicationStatistics row : rows) {
            System.out.printf("%-28s %-28s %,12d %,14d %,16d%n", row.application(), row.nestedApplication(),
                    row.sessions(), row.packets(), row.bytes());
        }
        return null;
    }
}

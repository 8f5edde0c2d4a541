package org.apptrack.apptrack.api;

import java.util.List;
import org.apptrack.apptrack.api.ApplicationIdentificationService.Period;

/**
 * Application statistics summed over the nodes of an ONOS cluster: each node counts the sessions
 * it closes, and the totals are what an operator of the cluster reads. Outside a cluster (the
 * standalone distribution) it is this node's statistics.
 */
public interface ClusterStatisticsService {

    /** Whether the nodes of an ONOS cluster share their statistics here (false: this node only). */
    boolean clustered();

    /** The nodes the totals hold, this one included. */
    int nodes();

    /**
     * Sessions, packets and bytes per application and nested application, summed over the
     * nodes, the most bytes first: this node's as of now, the others' as of their last
     * publication (every few seconds). {@link Period#SINCE_START} is the sum of each node's
     * since its own start, {@link Period#INTERVAL} of each node's current interval.
     */
    List<ApplicationStatistics> statistics(Period period);
}

package org.apptrack.apptrack.onos.cluster;

import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apptrack.apptrack.api.ApplicationIdentificationService;
import org.apptrack.apptrack.api.ApplicationIdentificationService.Period;
import org.apptrack.apptrack.api.ApplicationStatistics;
import org.apptrack.apptrack.api.ClusterStatisticsService;
import org.onlab.util.KryoNamespace;
import org.onosproject.cluster.ClusterService;
import org.onosproject.store.service.EventuallyConsistentMap;
import org.onosproject.store.service.StorageService;
import org.onosproject.store.service.WallClockTimestamp;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Cluster totals of the application statistics. Each node publishes a snapshot of its own
 * statistics every {@value #PUBLISH_SECONDS} s into an EventuallyConsistentMap keyed by node id;
 * a query adds this node's current statistics to the other nodes' last snapshots.
 * <p>
 * Why a map of snapshots and not distributed counters: the statistics change with every closed
 * session (thousands a second on a busy node, three counters per application and period), and a
 * distributed counter is a consensus write to its partition's leader for each change, whereas an
 * operator reads the totals now and then. The map costs one local write per node per period,
 * gossiped in the background, and reads are local; the price is totals that lag by the
 * publication period. Each node's counts stay its own (a node's interval restarts on its own
 * schedule), which counters could not express. A node that left keeps its last snapshot in the
 * totals: its sessions happened.
 * <p>
 * Without ONOS's StorageService and ClusterService (the standalone distribution) the totals are
 * this node's statistics and nothing is published.
 */
@Component(immediate = true, service = ClusterStatisticsService.class)
public class ClusterStatisticsManager implements ClusterStatisticsService {

    static final String MAP_NAME = "org.apptrack.apptrack.application-statistics";
    static final long PUBLISH_SECONDS = 5;
    private static final int FIRST_KRYO_ID = 500;
    private static final Logger log = LoggerFactory.getLogger(ClusterStatisticsManager.class);

    @Reference
    private ApplicationIdentificationService local;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policyOption = ReferencePolicyOption.GREEDY)
    private volatile StorageService storageService;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policyOption = ReferencePolicyOption.GREEDY)
    private volatile ClusterService clusterService;

    private EventuallyConsistentMap<String, NodeStatistics> nodes;
    private String localNode;
    private ScheduledExecutorService publisher;

    @Activate
    protected void activate() {
        if (storageService == null || clusterService == null) {
            return;
        }
        localNode = clusterService.getLocalNode().id().toString();
        nodes = storageService.<String, NodeStatistics>eventuallyConsistentMapBuilder()
                .withName(MAP_NAME)
                .withSerializer(serializer())
                .withTimestampProvider((node, statistics) -> new WallClockTimestamp())
                .build();
        publisher = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "apptrack-cluster-statistics");
            t.setDaemon(true);
            return t;
        });
        publisher.scheduleWithFixedDelay(this::publish, 0, PUBLISH_SECONDS, TimeUnit.SECONDS);
        log.info("Application statistics shared in the cluster as node {}", localNode);
    }

    /**
     * What the map's values need beyond Kryo's defaults, from id 500 on: ONOS's first id for an
     * application's classes ({@code KryoNamespaces.BEGIN_USER_CUSTOM_ID}, in onos-core-serializers,
     * which the standalone distribution lacks), clear of the ids the map gives its own classes.
     */
    static KryoNamespace.Builder serializer() {
        return KryoNamespace.newBuilder().nextId(FIRST_KRYO_ID)
                .register(NodeStatistics.class, String[].class, long[].class);
    }

    @Deactivate
    protected void deactivate() {
        if (publisher != null) {
            publisher.shutdownNow();
            publish(); // the last counts of this node stay in the others' totals
            nodes.destroy();
        }
    }

    /** Puts this node's current statistics into the shared map. */
    void publish() {
        try {
            nodes.put(localNode, new NodeStatistics(System.currentTimeMillis(), local.statistics(Period.SINCE_START),
                    local.statistics(Period.INTERVAL)));
        } catch (RuntimeException e) {
            log.warn("Publishing the application statistics to the cluster failed", e);
        }
    }

    @Override
    public boolean clustered() {
        return nodes != null;
    }

    @Override
    public int nodes() {
        if (nodes == null) {
            return 1;
        }
        return nodes.containsKey(localNode) ? nodes.size() : nodes.size() + 1;
    }

    @Override
    public List<ApplicationStatistics> statistics(Period period) {
        List<ApplicationStatistics> own = local.statistics(period);
        if (nodes == null) {
            return own;
        }
        StatisticsSum sum = new StatisticsSum();
        sum.add(own);
        for (Map.Entry<String, NodeStatistics> e : nodes.entrySet()) {
            if (!e.getKey().equals(localNode)) {
                sum.add(e.getValue().rows(period == Period.SINCE_START));
            }
        }
        return sum.rows();
    }
}

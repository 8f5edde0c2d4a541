package org.apptrack.apptrack.onos.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apptrack.apptrack.api.ApplicationIdentificationService;
import org.apptrack.apptrack.api.ApplicationIdentificationService.Period;
import org.apptrack.apptrack.api.ApplicationStatistics;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.onlab.packet.IpAddress;
import org.onlab.util.KryoNamespace;
import org.onosproject.cluster.ClusterServiceAdapter;
import org.onosproject.cluster.ControllerNode;
import org.onosproject.cluster.DefaultControllerNode;
import org.onosproject.cluster.NodeId;
import org.onosproject.store.service.EventuallyConsistentMap;
import org.onosproject.store.service.EventuallyConsistentMapBuilder;
import org.onosproject.store.service.TestEventuallyConsistentMap;
import org.onosproject.store.service.TestStorageService;

/**
 * Two simulated ONOS nodes sharing one eventually consistent map (ONOS's test storage): each
 * node's console and REST show the cluster totals, the sum of both nodes' statistics per
 * application; a node's own new counts show at once on it and on the other after it publishes;
 * without ONOS's storage and cluster services the totals are the node's own.
 */
class ClusterStatisticsManagerTest {

    /** ONOS's test storage, but one map per name for every node, as the cluster replicates it. */
    private static final class ClusterStorage extends TestStorageService {
        private final Map<String, EventuallyConsistentMap<?, ?>> maps = new HashMap<>();

        @Override
        @SuppressWarnings("unchecked")
        public <K, V> EventuallyConsistentMapBuilder<K, V> eventuallyConsistentMapBuilder() {
            return new TestEventuallyConsistentMap.Builder<K, V>() {
                private String name;

                @Override
                public EventuallyConsistentMapBuilder<K, V> withName(String n) {
                    name = n;
                    return super.withName(n);
                }

                @Override
                public EventuallyConsistentMap<K, V> build() {
                    EventuallyConsistentMap<?, ?> m = maps.get(name);
                    if (m == null) {
                        m = super.build();
                        maps.put(name, m);
                    }
                    return (EventuallyConsistentMap<K, V>) m;
                }
            };
        }
    }

    private final ClusterStorage storage = new ClusterStorage();
    private final List<ClusterStatisticsManager> started = new ArrayList<>();

    @AfterEach
    void stop() {
        started.forEach(ClusterStatisticsManager::deactivate);
    }

    @Test
    void eachNodeShowsTheSumOfBothNodes() throws Exception {
        ApplicationIdentificationService a = local(List.of(row("SSL", "YOUTUBE", 1, 10, 5000),
                row("HTTP", "UNKNOWN", 2, 20, 2000)), List.of(row("SSL", "YOUTUBE", 1, 10, 5000)));
        ApplicationIdentificationService b = local(List.of(row("HTTP", "UNKNOWN", 3, 30, 3000),
                row("DNS", "UNKNOWN", 4, 8, 800)), List.of(row("DNS", "UNKNOWN", 1, 2, 200)));
        ClusterStatisticsManager nodeA = node("a", a, true);
        ClusterStatisticsManager nodeB = node("b", b, true);
        nodeA.publish();
        nodeB.publish();

        List<String> expected = List.of("HTTP/UNKNOWN 5 50 5000", "SSL/YOUTUBE 1 10 5000", "DNS/UNKNOWN 4 8 800");
        assertEquals(expected, text(nodeA.statistics(Period.SINCE_START)));
        assertEquals(expected, text(nodeB.statistics(Period.SINCE_START)));
        assertEquals(List.of("SSL/YOUTUBE 1 10 5000", "DNS/UNKNOWN 1 2 200"), text(nodeB.statistics(Period.INTERVAL)));
        assertTrue(nodeA.clustered());
        assertEquals(2, nodeA.nodes());
        assertEquals(2, nodeB.nodes());

        // A closes another DNS session: A's own totals are current, B's follow A's next publication.
        when(a.statistics(Period.SINCE_START)).thenReturn(List.of(row("SSL", "YOUTUBE", 1, 10, 5000),
                row("HTTP", "UNKNOWN", 2, 20, 2000), row("DNS", "UNKNOWN", 1, 2, 100)));
        assertEquals("DNS/UNKNOWN 5 10 900", text(nodeA.statistics(Period.SINCE_START)).get(2));
        assertEquals("DNS/UNKNOWN 4 8 800", text(nodeB.statistics(Period.SINCE_START)).get(2));
        nodeA.publish();
        assertEquals("DNS/UNKNOWN 5 10 900", text(nodeB.statistics(Period.SINCE_START)).get(2));
    }

    @Test
    void withoutOnosStorageTheTotalsAreThisNodes() throws Exception {
        ApplicationIdentificationService a = local(List.of(row("HTTP", "UNKNOWN", 2, 20, 2000)), List.of());
        ClusterStatisticsManager standalone = node("a", a, false);
        assertFalse(standalone.clustered());
        assertEquals(1, standalone.nodes());
        assertEquals(List.of("HTTP/UNKNOWN 2 20 2000"), text(standalone.statistics(Period.SINCE_START)));
    }

    /** The snapshot goes through Kryo as ONOS's map serializes it, with only what the manager registers. */
    @Test
    void aSnapshotSurvivesOnosKryoSerialization() {
        KryoNamespace kryo = ClusterStatisticsManager.serializer().build();
        NodeStatistics s = new NodeStatistics(42, List.of(row("HTTP", "UNKNOWN", 2, 20, 2000)),
                List.of(row("DNS", "UNKNOWN", 1, 2, 100)));
        NodeStatistics copy = kryo.deserialize(kryo.serialize(s));
        assertEquals(42, copy.publishedMillis());
        assertEquals(List.of("HTTP/UNKNOWN 2 20 2000"), text(copy.rows(true)));
        assertEquals(List.of("DNS/UNKNOWN 1 2 100"), text(copy.rows(false)));
    }

    private ClusterStatisticsManager node(String id, ApplicationIdentificationService local, boolean onos)
            throws Exception {
        ClusterStatisticsManager m = new ClusterStatisticsManager();
        set(m, "local", local);
        if (onos) {
            ControllerNode self = new DefaultControllerNode(new NodeId(id), IpAddress.valueOf("127.0.0.1"));
            set(m, "storageService", storage);
            set(m, "clusterService", new ClusterServiceAdapter() {
                @Override
                public ControllerNode getLocalNode() {
                    return self;
                }
            });
        }
        m.activate();
        started.add(m);
        return m;
    }

    private static ApplicationIdentificationService local(List<ApplicationStatistics> sinceStart,
                                                          List<ApplicationStatistics> interval) {
        ApplicationIdentificationService s = mock(ApplicationIdentificationService.class);
        when(s.statistics(Period.SINCE_START)).thenReturn(sinceStart);
        when(s.statistics(Period.INTERVAL)).thenReturn(interval);
        return s;
    }

    private static ApplicationStatistics row(String app, String nested, long sessions, long packets, long bytes) {
        return new ApplicationStatistics(app, nested, sessions, packets, bytes);
    }

    private static List<String> text(List<ApplicationStatistics> rows) {
        List<String> out = new ArrayList<>();
        rows.forEach(r -> out.add(r.application() + "/" + r.nestedApplication() + " " + r.sessions() + " "
                + r.packets() + " " + r.bytes()));
        return out;
    }

    private static void set(Object target, String field, Object value) throws Exception {
        Field f = target.getClass().getDeclaredField(field);
        f.setAccessible(true);
        f.set(target, value);
    }
}

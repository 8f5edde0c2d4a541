package org.apptrack.appqoe.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.apptrack.appqoe.api.SlaTargets;
import org.apptrack.appqoe.sla.JitterType;
import org.apptrack.appqoe.sla.MatchMode;
import org.apptrack.appqoe.sla.MetricsProfile;
import org.junit.jupiter.api.Test;

/** The targets an SLA state shows are its metrics profile's, named as the REST API names them. */
class PathMonitorTargetsTest {

    @Test
    void everyJitterTypeAndMatchMode() {
        assertEquals(new SlaTargets(0, 5_000, "egress", 2.5, "all"),
                PathMonitor.targets(new MetricsProfile("m", 0, 5_000, JitterType.EGRESS, 2.5, MatchMode.ALL)));
        assertEquals(new SlaTargets(80_000, 3_000, "ingress", 0, "any"),
                PathMonitor.targets(new MetricsProfile("m", 80_000, 3_000, JitterType.INGRESS, 0, MatchMode.ANY)));
        assertEquals(new SlaTargets(0, 0, "two-way", 1.0, "any"),
                PathMonitor.targets(new MetricsProfile("m", 0, 0, JitterType.TWO_WAY, 1.0, MatchMode.ANY)));
    }
}

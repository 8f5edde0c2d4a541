package org.apptrack.apptrack.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apptrack.apptrack.api.ApplicationIdentificationService;
import org.apptrack.apptrack.api.ApplicationIdentificationService.Period;
import org.apptrack.apptrack.api.ApplicationStatistics;
import org.apptrack.apptrack.api.ClusterStatisticsService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code apptrack:appid-statistics}: the cluster's totals inside an ONOS cluster, this node's with --local or standalone. */
class AppIdStatisticsCommandTest {

    private final PrintStream stdout = System.out;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final AppIdStatisticsCommand command = new AppIdStatisticsCommand();

    @BeforeEach
    void capture() {
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        command.appId = mock(ApplicationIdentificationService.class);
        when(command.appId.statistics(Period.SINCE_START)).thenReturn(
                List.of(new ApplicationStatistics("HTTP", "UNKNOWN", 2, 20, 2_000)));
    }

    @AfterEach
    void restore() {
        System.setOut(stdout);
    }

    @Test
    void standaloneShowsThisNode() {
        String text = run();
        assertTrue(text.contains("2,000"), text);
        assertFalse(text.contains("Cluster totals"), text);
    }

    @Test
    void inAClusterShowsTheTotalsUnlessLocal() {
        command.cluster = mock(ClusterStatisticsService.class);
        when(command.cluster.clustered()).thenReturn(true);
        when(command.cluster.nodes()).thenReturn(3);
        when(command.cluster.statistics(Period.SINCE_START)).thenReturn(
                List.of(new ApplicationStatistics("HTTP", "UNKNOWN", 7, 70, 7_000)));
        String totals = run();
        assertTrue(totals.startsWith("Cluster totals of 3 nodes"), totals);
        assertTrue(totals.contains("7,000"), totals);
        out.reset();
        command.local = true;
        String local = run();
        assertTrue(local.contains("2,000") && !local.contains("Cluster totals"), local);
    }

    private String run() {
        command.execute();
        return out.toString(StandardCharsets.UTF_8);
    }
}

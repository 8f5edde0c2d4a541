package org.apptrack.apptrack.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.apptrack.apptrack.api.OffloadCounters;
import org.apptrack.apptrack.api.OffloadService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code apptrack:offload}: the state and every counter, or why there is none. */
class OffloadCommandTest {

    private final PrintStream stdout = System.out;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final OffloadCommand command = new OffloadCommand();

    @BeforeEach
    void capture() {
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        System.setOut(stdout);
    }

    private String run() {
        command.execute();
        return out.toString(StandardCharsets.UTF_8);
    }

    private static OffloadService service(boolean available, Set<String> devices, Set<String> zones) {
        OffloadService s = mock(OffloadService.class);
        when(s.available()).thenReturn(available);
        when(s.enabled()).thenReturn(available && !(devices.isEmpty() && zones.isEmpty()));
        when(s.devices()).thenReturn(devices);
        when(s.zones()).thenReturn(zones);
        when(s.pollIntervalSeconds()).thenReturn(10);
        when(s.counters()).thenReturn(OffloadCounters.builder().offloadedSessions(3).trackedRules(5).requests(6)
                .rulesInstalled(4).forwardingRulesUsed(1).rulesRemoved(12_345).rulesFailed(7).noForwardingDecision(8)
                .endPunts(9).polls(100).pollFailures(2).sessionsAdopted(11).sessionsHandedOver(13).workDropped(14)
                .build());
        return s;
    }

    private static boolean hasRow(String text, String name, String value) {
        return text.lines().anyMatch(l -> l.startsWith(name) && l.trim().endsWith(" " + value));
    }

    @Test
    void showsWhatIsOffloadedAndEveryCounter() {
        command.offload = service(true, Set.of("of:0000000000000001"), Set.of());
        String text = run();
        assertTrue(text.startsWith("Offload mode: on"), text);
        assertTrue(hasRow(text, "Devices", "of:0000000000000001"), text);
        assertTrue(hasRow(text, "Zones", "-"), text);
        assertTrue(hasRow(text, "Poll interval", "10 s"), text);
        assertTrue(hasRow(text, "Sessions offloaded now", "3"), text);
        assertTrue(hasRow(text, "Rules read now", "5"), text);
        assertTrue(hasRow(text, "Directions offloaded", "6"), text);
        assertTrue(hasRow(text, "Rules installed", "4"), text);
        assertTrue(hasRow(text, "Forwarding rules used", "1"), text);
        assertTrue(hasRow(text, "Rules removed", "12,345"), text);
        assertTrue(hasRow(text, "Rules failed", "7"), text);
        assertTrue(hasRow(text, "Directions without forwarding rule", "8"), text);
        assertTrue(hasRow(text, "FIN/RST punts of offloaded sessions", "9"), text);
        assertTrue(hasRow(text, "Polls", "100"), text);
        assertTrue(hasRow(text, "Poll failures", "2"), text);
        assertTrue(hasRow(text, "Sessions taken over (mastership)", "11"), text);
        assertTrue(hasRow(text, "Sessions handed over (mastership)", "13"), text);
        assertTrue(hasRow(text, "Work dropped (queue full)", "14"), text);
    }

    @Test
    void saysWhenNothingIsConfigured() {
        command.offload = service(true, Set.of(), Set.of());
        assertTrue(run().startsWith("Offload mode: off"));
    }

    @Test
    void outsideOnosSaysWhyAndShowsNoCounters() {
        command.offload = service(false, Set.of(), Set.of());
        String text = run();
        assertTrue(text.startsWith("Offload mode: unavailable"), text);
        assertFalse(text.contains("Rules installed"), text);
        out.reset();
        command.offload = null;
        assertTrue(run().startsWith("Offload mode: unavailable"));
    }
}

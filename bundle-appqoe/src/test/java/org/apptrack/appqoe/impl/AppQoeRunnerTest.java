package org.apptrack.appqoe.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apptrack.apptrack.api.SessionAttribute;
import org.apptrack.apptrack.api.SessionInfo;
import org.apptrack.syslog.testing.RecordingSecurityLog;
import org.junit.jupiter.api.Test;

/** The configuration-in-force lifecycle with real threads and probe sockets on loopback. */
class AppQoeRunnerTest {

    private final RecordingActuator actuator = new RecordingActuator();

    private static Map<String, Object> config(String violationCount) {
        Map<String, Object> p = new HashMap<>();
        p.put("enabled", "true");
        p.put("pathGroup.g.path.a.interface", "lo");
        p.put("pathGroup.g.path.a.sourceAddress", "127.0.0.1");
        p.put("pathGroup.g.path.a.reflector", "127.0.0.1:9");
        p.put("activeProbe.pp.interval", "1s");
        p.put("metricsProfile.m.rtt", "100000");
        p.put("slaRule.s.metricsProfile", "m");
        p.put("slaRule.s.activeProbeParams", "pp");
        p.put("slaRule.s.passive.violationCount", violationCount);
        p.put("apbrProfile.p.zone", "trust");
        p.put("apbrProfile.p.rule.web.application", "HTTP");
        p.put("apbrProfile.p.rule.web.destinationGroup", "g");
        p.put("apbrProfile.p.rule.web.slaRule", "s");
        return p;
    }

    private static SessionInfo openHttpSession() {
        return SessionInfo.builder()
                .put(SessionAttribute.SESSION_ID, 77)
                .put(SessionAttribute.CLIENT_ADDRESS, "10.0.0.1")
                .put(SessionAttribute.CLIENT_PORT, 40000)
                .put(SessionAttribute.SERVER_ADDRESS, "10.0.0.2")
                .put(SessionAttribute.SERVER_PORT, 80)
                .put(SessionAttribute.PROTOCOL, 6)
                .put(SessionAttribute.APPLICATION, "HTTP")
                .put(SessionAttribute.NESTED_APPLICATION, "UNKNOWN")
                .put(SessionAttribute.SOURCE_ZONE, "trust")
                .build();
    }

    @Test
    void sessionsAlreadyOpenAreSteeredByANewConfigurationAndARefusedOneChangesNothing() throws Exception {
        try (AppQoeRunner runner = new AppQoeRunner(new RecordingSecurityLog(), (id, route) -> true,
                steering -> actuator, () -> List.of(openHttpSession()))) {
            assertEquals("", runner.apply(config("3")));
            assertTrue(runner.enabled());
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (runner.applications().isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertEquals("a", runner.applications().get(0).activePath(), "the open session was matched");
            assertEquals(1, runner.applications().get(0).sessions());

            String error = runner.apply(config("40"));
            assertTrue(error.startsWith("slaRule.s.passive.violationCount:"), error);
            assertEquals(error, runner.configurationError());
            assertEquals(1, runner.applications().get(0).sessions(), "the previous configuration stays in force");
        }
    }
}

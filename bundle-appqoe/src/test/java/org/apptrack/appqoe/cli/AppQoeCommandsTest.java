package org.apptrack.appqoe.cli;

import org.apptrack.appqoe.testing.FakeAppQoeService;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.apptrack.appqoe.api.ApplicationPath;
import org.apptrack.appqoe.api.PathStatus;
import org.apptrack.appqoe.api.PathSwitch;
import org.apptrack.appqoe.api.PeriodFigures;
import org.apptrack.appqoe.api.ProbeStatus;
import org.apptrack.appqoe.api.SlaState;
import org.apptrack.appqoe.api.SlaTargets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What the AppQoE commands print of the service's snapshots, and what they refuse. */
class AppQoeCommandsTest {

    /** 2023-11-14T22:13:20Z. */
    private static final long T0 = 1_700_000_000_000L;

    private final FakeAppQoeService service = new FakeAppQoeService();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private PrintStream stdout;

    @BeforeEach
    void captureOutput() {
        stdout = System.out;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        service.paths.add(new PathStatus("dpg1", "isp-a", "eth1", "gold", 1, 10,
                new PeriodFigures(12_345, 20_001, 1_500, 700, 800, 95, 5, 5.0),
                List.of(new SlaState("sla-voice", "mp-voice", false, false, 5, T0,
                                new SlaTargets(50_000, 10_000, "ingress", 1.5, "all")),
                        new SlaState("sla-web", "mp-web", true, false, 0, 0, new SlaTargets(150_000, 0, "two-way", 0, "any")))));
        service.paths.add(new PathStatus("dpg1", "isp-b", "eth2", "", 2, 5, PeriodFigures.NONE,
                List.of(new SlaState("sla-voice", "mp-voice", false, true, 0, T0 + 1000))));
        service.paths.add(new PathStatus("dpg2", "lte", "wwan0", "backup", 1, 1,
                new PeriodFigures(50_000, 60_000, 9_000, PeriodFigures.NOT_MEASURED, PeriodFigures.NOT_MEASURED,
                        10, 0, -1), List.of()));
        service.applications.add(new ApplicationPath("apbr1", "r1", "SIP", "dpg1", "sla-voice", "isp-a", "eth1", 4, 0,
                "sla violated", T0 + 2000));
        service.applications.add(new ApplicationPath("apbr1", "r2", "HTTP", "dpg1", "sla-web", "isp-a", "eth1", 2, 0,
                "app detected", T0 + 3000));
        service.applications.add(new ApplicationPath("apbr1", "r3", "SSH", "dpg2", "sla-web", "", "", 0, 0, "", 0));
    }

    @AfterEach
    void restoreOutput() {
        System.setOut(stdout);
    }

    private String output() {
        return out.toString(StandardCharsets.UTF_8);
    }

    /** The printed line that contains every one of {@code words}; fails when there is none. */
    private String line(String... words) {
        return Arrays.stream(output().split("\\R")).filter(l -> Arrays.stream(words).allMatch(l::contains))
                .findFirst().orElseThrow(() -> new AssertionError("no line with " + Arrays.toString(words)
                        + " in:\n" + output()));
    }

    /** The cells of a ShellTable row. */
    private static List<String> cells(String row) {
        return Arrays.stream(row.split("\\|")).map(String::trim).collect(Collectors.toList());
    }

    @Test
    void aRefusedConfigurationIsShownAboveTheTables() {
        service.configurationError = "slaRule.sla1.passive.violationCount: must be 1-32, was 40";
        PathsCommand c = new PathsCommand();
        c.appQoe = service;
        c.execute();
        assertTrue(output().startsWith("Configuration refused, the previous one stays in force: "
                + "slaRule.sla1.passive.violationCount: must be 1-32, was 40"), output());
    }

    @Test
    void pathsShowsFiguresInMillisecondsSlaPerRuleAndTheApplicationsOnEachPath() {
        PathsCommand c = new PathsCommand();
        c.appQoe = service;
        c.execute();
        assertEquals(List.of("isp-a", "eth1", "gold", "1", "10", "12.345", "20.001", "1.500/0.700/0.800", "5.00",
                "sla-voice: violated(rtt,loss), sla-web: met", "SIP, HTTP"), cells(line("isp-a")));
        assertEquals(List.of("isp-b", "eth2", "-", "2", "5", "-", "-", "-/-/-", "-", "sla-voice: dead", "-"),
                cells(line("isp-b")));
        assertEquals(List.of("lte", "wwan0", "backup", "1", "1", "50.000", "60.000", "9.000/-/-", "-", "-", "-"),
                cells(line("wwan0")));
        assertTrue(output().indexOf("Destination path group dpg1") < output().indexOf("isp-a"));
        assertTrue(output().indexOf("Destination path group dpg2") < output().indexOf("wwan0"));
        assertFalse(output().contains("4294967"), "not-measured is -, never the sentinel");
    }

    @Test
    void pathsSaysWhenNothingIsSteeredAndShowsTheActuatorError() {
        service.actuator = "linux-policy-routing";
        service.actuatorError = "ip rule: Operation not permitted";
        PathsCommand c = new PathsCommand();
        c.appQoe = service;
        c.execute();
        assertTrue(output().startsWith("Decisions are logged, not applied: actuator linux-policy-routing"), output());
        line("Actuator linux-policy-routing error: ip rule: Operation not permitted");

        out.reset();
        service.steering = true;
        service.actuatorError = "";
        c.execute();
        assertFalse(output().contains("not applied"), output());
        assertFalse(output().contains("error"), output());
    }

    @Test
    void pathsOfOneGroupOnlyAndAnUnknownGroupFailsNamingTheGroups() {
        PathsCommand c = new PathsCommand();
        c.appQoe = service;
        c.group = "dpg2";
        c.execute();
        assertTrue(output().contains("wwan0"));
        assertFalse(output().contains("isp-a"), output());

        out.reset();
        c.group = "dpg9";
        assertEquals("No destination path group dpg9 (groups: dpg1, dpg2)",
                assertThrows(IllegalArgumentException.class, c::execute).getMessage());
        assertEquals("", output(), "nothing printed: the failure is the exception");
    }

    @Test
    void aDisabledAppQoeSaysSo() {
        service.enabled = false;
        service.paths.clear();
        for (AppQoeCommand c : List.of(new PathsCommand(), new SlaCommand(), new AppsCommand(), new ProbesCommand())) {
            out.reset();
            c.appQoe = service;
            c.execute();
            assertTrue(output().startsWith("AppQoE is not enabled"), c.getClass() + ": " + output());
            assertFalse(output().contains("not applied"), output());
        }
    }

    @Test
    void slaShowsEachRuleOfEachPathWithTheViolationAndItsStart() {
        SlaCommand c = new SlaCommand();
        c.appQoe = service;
        c.execute();
        assertEquals(List.of("dpg1", "isp-a", "sla-voice", "mp-voice", "violated", "rtt,loss", "2023-11-14T22:13:20Z",
                "rtt 50.000 ms, jitter 10.000 ms ingress, loss 1.50 %, match all"), cells(line("isp-a", "sla-voice")));
        assertEquals(List.of("dpg1", "isp-a", "sla-web", "mp-web", "met", "-", "-", "rtt 150.000 ms, match any"),
                cells(line("isp-a", "sla-web")));
        assertEquals(List.of("dpg1", "isp-b", "sla-voice", "mp-voice", "dead", "-", "2023-11-14T22:13:21Z", "-"),
                cells(line("isp-b")), "targets unknown");
        assertFalse(output().contains("lte"), "a path without SLA rule has no row");
    }

    @Test
    void appsShowsTheActivePathOfEachSelection() {
        AppsCommand c = new AppsCommand();
        c.appQoe = service;
        c.execute();
        assertEquals(List.of("apbr1", "r1", "SIP", "dpg1", "sla-voice", "isp-a", "eth1", "4", "0", "sla violated",
                "2023-11-14T22:13:22Z"), cells(line("SIP")));
        assertEquals(List.of("apbr1", "r3", "SSH", "dpg2", "sla-web", "-", "-", "0", "0", "-", "-"),
                cells(line("SSH")));
        assertEquals(-1, service.lastSwitchLimit, "no switches asked without --switches");
        assertFalse(output().contains("Path switches"));
    }

    @Test
    void appsListsTheLastSwitchesNewestFirst() {
        service.switches.add(new PathSwitch(T0 + 5000, "apbr1", "r1", "SIP", "dpg1", "isp-b", "isp-a",
                "sla violated", 4));
        service.switches.add(new PathSwitch(T0 + 4000, "apbr1", "r1", "SIP", "dpg1", "", "isp-b", "app detected", 1));
        service.switches.add(new PathSwitch(T0 + 3000, "apbr1", "r2", "HTTP", "dpg1", "isp-a", "", "session closed",
                0));
        AppsCommand c = new AppsCommand();
        c.appQoe = service;
        c.switches = 2;
        c.execute();
        assertEquals(2, service.lastSwitchLimit);
        assertEquals(List.of("2023-11-14T22:13:25Z", "apbr1", "r1", "SIP", "dpg1", "isp-b", "isp-a", "sla violated",
                "4"), cells(line("22:13:25Z")));
        assertEquals(List.of("2023-11-14T22:13:24Z", "apbr1", "r1", "SIP", "dpg1", "-", "isp-b", "app detected", "1"),
                cells(line("22:13:24Z")));
        assertTrue(output().indexOf("22:13:25Z") < output().indexOf("22:13:24Z"));
        assertFalse(output().contains("session closed"), "limited to 2");
    }

    @Test
    void aSwitchCountOutOfRangeIsRefused() {
        for (int bad : new int[] {0, -1, 10_001}) {
            AppsCommand c = new AppsCommand();
            c.appQoe = service;
            c.switches = bad;
            assertEquals("switches: out of range 1..10000: " + bad,
                    assertThrows(IllegalArgumentException.class, c::execute).getMessage());
        }
        assertEquals(-1, service.lastSwitchLimit);
        assertEquals("", output());
    }

    @Test
    void probesShowCountersLossAndDscpByName() {
        service.probes.add(new ProbeStatus("dpg1", "isp-a", "pp-voice", "stamp", "192.0.2.1", "198.51.100.7:862", 46,
                101, 95, 5, ""));
        service.probes.add(new ProbeStatus("dpg1", "isp-b", "pp-web", "http head", "192.0.2.9",
                "https://example.com/", 0, 0, 0, 0, "source address 192.0.2.9 is not local"));
        ProbesCommand c = new ProbesCommand();
        c.appQoe = service;
        c.execute();
        assertEquals(List.of("dpg1", "isp-a", "pp-voice", "stamp", "192.0.2.1", "198.51.100.7:862", "ef (46)", "101",
                "95", "5", "5.00", "-"), cells(line("pp-voice")));
        assertEquals(List.of("dpg1", "isp-b", "pp-web", "http head", "192.0.2.9", "https://example.com/", "be (0)",
                "0", "0", "0", "-", "source address 192.0.2.9 is not local"), cells(line("pp-web")));
    }
}

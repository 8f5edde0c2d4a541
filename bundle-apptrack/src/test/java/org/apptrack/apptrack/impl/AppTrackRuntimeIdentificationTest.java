package org.apptrack.apptrack.impl;

import static org.apptrack.testsupport.packets.Packets.ACK;
import static org.apptrack.testsupport.packets.Packets.PSH;
import static org.apptrack.testsupport.packets.Packets.SYN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apptrack.api.time.Clock;
import org.apptrack.apptrack.api.ApplicationCacheEntry;
import org.apptrack.apptrack.api.ApplicationIdentificationService.Period;
import org.apptrack.apptrack.api.ApplicationStatistics;
import org.apptrack.apptrack.api.SessionAttribute;
import org.apptrack.apptrack.api.SessionInfo;
import org.apptrack.apptrack.config.AppTrackSettings;
import org.apptrack.apptrack.engine.CloseReason;
import org.apptrack.syslog.api.SecurityLogService;
import org.apptrack.testsupport.packets.Frames;
import org.apptrack.testsupport.packets.Packets;
import org.junit.jupiter.api.Test;
import org.onosproject.net.packet.InboundPacket;
import org.onosproject.net.packet.PacketContext;

/** Application identification in the runtime, with the bundled catalog: what the commands and REST show. */
class AppTrackRuntimeIdentificationTest {

    private static final int CLIENT = Packets.ip4(10, 0, 0, 1);
    private static final int SERVER = Packets.ip4(93, 184, 216, 34);
    private long now = 1_700_000_000_000_000_000L;
    private final Clock clock = () -> now;

    private static PacketContext packet(byte[] frame) {
        PacketContext ctx = mock(PacketContext.class);
        InboundPacket in = mock(InboundPacket.class);
        when(ctx.inPacket()).thenReturn(in);
        when(in.unparsed()).thenReturn(ByteBuffer.wrap(frame));
        return ctx;
    }

    private void httpSession(AppTrackRuntime rt, int clientPort, String host) {
        rt.process(packet(Frames.tcp(CLIENT, clientPort, SERVER, 8080, SYN)));
        rt.process(packet(Frames.tcp(SERVER, 8080, CLIENT, clientPort, SYN | ACK)));
        rt.process(packet(Frames.ipv4(Packets.TCP, CLIENT, SERVER, Packets.tcp(clientPort, 8080, PSH | ACK,
                ("GET / HTTP/1.1\r\nHost: " + host + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII)))));
        now += 1_000_000;
    }

    @Test
    void identifiedSessionsShowInSessionsStatisticsCacheAndCounters() {
        AppTrackRuntime rt = new AppTrackRuntime(mock(SecurityLogService.class), AppTrackSettings.parse(Map.of()),
                clock);
        httpSession(rt, 41000, "www.youtube.com");
        SessionInfo s = rt.sessions(x -> true, 1).get(0);
        assertEquals("HTTP", s.application());
        assertEquals("YOUTUBE", s.text(SessionAttribute.NESTED_APPLICATION));
        assertEquals("payload", s.text(SessionAttribute.IDENTIFIED_BY));
        assertEquals("No", s.text(SessionAttribute.ENCRYPTED));

        rt.closeAll(CloseReason.CLI);
        List<ApplicationStatistics> rows = rt.statistics(Period.SINCE_START);
        assertEquals(1, rows.size());
        assertEquals("HTTP", rows.get(0).application());
        assertEquals("YOUTUBE", rows.get(0).nestedApplication());
        assertEquals(1, rows.get(0).sessions());
        assertEquals(3, rows.get(0).packets());

        List<ApplicationCacheEntry> cache = rt.applicationSystemCache(10);
        assertEquals(1, cache.size());
        assertEquals("93.184.216.34", cache.get(0).serverAddress());
        assertEquals(8080, cache.get(0).serverPort());
        assertEquals("YOUTUBE", cache.get(0).nestedApplication());
        assertTrue(cache.get(0).secondsLeft() > 3500, "the default timeout is an hour");
        assertEquals(1L, rt.appIdCounters().get("Sessions identified by payload"));

        rt.clearApplicationSystemCache();
        assertEquals(List.of(), rt.applicationSystemCache(10));
    }

    @Test
    void withIdentificationOffThePortNamesTheSession() {
        AppTrackRuntime rt = new AppTrackRuntime(mock(SecurityLogService.class),
                AppTrackSettings.parse(Map.of("applicationIdentification", "false")), clock);
        httpSession(rt, 41001, "www.youtube.com");
        SessionInfo s = rt.sessions(x -> true, 1).get(0);
        assertEquals("HTTP", s.application(), "8080 is an HTTP port");
        assertEquals("UNKNOWN", s.text(SessionAttribute.NESTED_APPLICATION));
        assertEquals("port", s.text(SessionAttribute.IDENTIFIED_BY));
    }

    @Test
    void anInvalidBudgetIsRefusedNamingItsProperty() {
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> AppTrackSettings.parse(Map.of("inspectionPackets", "0")));
        assertTrue(e.getMessage().startsWith("inspectionPackets"), e.getMessage());
    }

    @Test
    void customApplicationsAreNamedByHostOrByServerAndLoggedAsCustom() {
        Map<String, Object> config = new java.util.HashMap<>();
        config.put("customApplication.intranet-portal.over", "HTTP");
        config.put("customApplication.intranet-portal.hosts", "*.corp.example, portal.example.net");
        config.put("customApplication.billing.over", "TCP");
        config.put("customApplication.billing.addresses", "93.184.216.0/24");
        config.put("customApplication.billing.ports", "9000-9010");
        AppTrackRuntime rt = new AppTrackRuntime(mock(SecurityLogService.class), AppTrackSettings.parse(config),
                clock);
        httpSession(rt, 41010, "wiki.corp.example");
        rt.process(packet(Frames.tcp(CLIENT, 41011, SERVER, 9005, SYN)));
        List<SessionInfo> s = rt.sessions(x -> true, 2);
        assertEquals("HTTP", s.get(0).application());
        assertEquals("INTRANET-PORTAL", s.get(0).text(SessionAttribute.NESTED_APPLICATION));
        assertEquals("custom application", s.get(0).text(SessionAttribute.CATEGORY));
        assertEquals("N/A", s.get(0).text(SessionAttribute.SUB_CATEGORY));
        assertEquals("BILLING", s.get(1).application());
        assertEquals("rule", s.get(1).text(SessionAttribute.IDENTIFIED_BY));
        assertEquals("custom application", s.get(1).text(SessionAttribute.CATEGORY));
    }

    @Test
    void anInvalidCustomApplicationIsRefusedNamingItsProperty() {
        IllegalArgumentException over = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> AppTrackSettings.parse(Map.of("customApplication.x.over", "ICMP")));
        assertTrue(over.getMessage().startsWith("customApplication.x.over"), over.getMessage());
        IllegalArgumentException ports = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> AppTrackSettings.parse(Map.of("customApplication.y.over", "UDP",
                        "customApplication.y.ports", "70000")));
        assertTrue(ports.getMessage().startsWith("customApplication.y.ports"), ports.getMessage());
        IllegalArgumentException hosts = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> AppTrackSettings.parse(Map.of("customApplication.z.over", "SSL")));
        assertTrue(hosts.getMessage().startsWith("customApplication.z.hosts"), hosts.getMessage());
    }

    @Test
    void theCatalogReloadsWithoutARestartAndABadFileLeavesItInForce(@org.junit.jupiter.api.io.TempDir
                                                                        java.nio.file.Path dir) throws Exception {
        AppTrackRuntime rt = new AppTrackRuntime(mock(SecurityLogService.class), AppTrackSettings.parse(Map.of()),
                clock);
        String before = rt.catalogVersion();
        assertTrue(before.contains("applications"), before);
        java.nio.file.Path bad = dir.resolve("bad.json");
        java.nio.file.Files.writeString(bad, "{\"format\": 1, \"version\": \"x\", \"applications\": [{\"name\": \"A\"}]}");
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> rt.reloadCatalog(bad.toString()));
        assertTrue(e.getMessage().contains("applications[0]"), e.getMessage());
        assertEquals(before, rt.catalogVersion(), "the catalog in force stays");
        rt.reloadCatalog(null);
        assertEquals(before, rt.catalogVersion(), "the bundled catalog again");
        httpSession(rt, 41020, "www.youtube.com");
        assertEquals("YOUTUBE", rt.sessions(x -> true, 1).get(0).text(SessionAttribute.NESTED_APPLICATION),
                "named by the reloaded catalog");
    }
}

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

    private void session(AppTrackRuntime rt, int clientPort, int serverPort, byte[] request, byte[] answer) {
        rt.process(packet(Frames.tcp(CLIENT, clientPort, SERVER, serverPort, SYN)));
        rt.process(packet(Frames.tcp(SERVER, serverPort, CLIENT, clientPort, SYN | ACK)));
        rt.process(packet(Frames.ipv4(Packets.TCP, CLIENT, SERVER, Packets.tcp(clientPort, serverPort, PSH | ACK,
                request))));
        if (answer != null) {
            rt.process(packet(Frames.ipv4(Packets.TCP, SERVER, CLIENT, Packets.tcp(serverPort, clientPort, PSH | ACK,
                    answer))));
        }
        now += 1_000_000;
    }

    /** A TLS 1.2 record with a ClientHello whose only extension is the server name. */
    private static byte[] clientHello(String serverName) {
        byte[] name = serverName.getBytes(StandardCharsets.US_ASCII);
        ByteBuffer b = ByteBuffer.allocate(200 + name.length);
        b.put(new byte[] {0x16, 3, 1, 0, 0}); // record, length later
        b.put(new byte[] {1, 0, 0, 0});       // ClientHello, length later
        b.put(new byte[] {3, 3}).put(new byte[32]).put((byte) 0);
        b.putShort((short) 2).putShort((short) 0x1301).put((byte) 1).put((byte) 0);
        b.putShort((short) (name.length + 9));
        b.putShort((short) 0).putShort((short) (name.length + 5)).putShort((short) (name.length + 3)).put((byte) 0)
                .putShort((short) name.length).put(name);
        int end = b.position();
        b.putShort(3, (short) (end - 5));
        b.put(7, (byte) ((end - 9) >> 8)).put(8, (byte) (end - 9));
        byte[] out = new byte[end];
        b.flip();
        b.get(out);
        return out;
    }

    @Test
    void customSignaturesNameHttpByUrlSslByServerNameAndTcpByItsStream() {
        Map<String, Object> config = new java.util.HashMap<>();
        config.put("customApplication.crm.over", "HTTP");
        config.put("customApplication.crm.member.m01.context", "http-url-parsed");
        config.put("customApplication.crm.member.m01.pattern", "/crm/.*");
        config.put("customApplication.crm.member.m02.context", "http-header-host");
        config.put("customApplication.crm.member.m02.pattern", ".*\\.corp\\.example");
        config.put("customApplication.vpn.over", "SSL");
        config.put("customApplication.vpn.member.m01.context", "ssl-server-name");
        config.put("customApplication.vpn.member.m01.pattern", "vpn[0-9]*\\.corp\\.example");
        config.put("customApplication.ledger.over", "TCP");
        config.put("customApplication.ledger.ports", "7000-7010");
        config.put("customApplication.ledger.member.m01.context", "stream");
        config.put("customApplication.ledger.member.m01.direction", "client-to-server");
        config.put("customApplication.ledger.member.m01.pattern", "\\x4c4752\\x.*");
        AppTrackRuntime rt = new AppTrackRuntime(mock(SecurityLogService.class), AppTrackSettings.parse(config),
                clock);
        session(rt, 42001, 80, "GET /crm/%61ccounts?id=1 HTTP/1.1\r\nHost: apps.corp.example\r\n\r\n"
                .getBytes(StandardCharsets.US_ASCII), null);
        session(rt, 42002, 80, "GET /wiki/ HTTP/1.1\r\nHost: apps.corp.example\r\n\r\n"
                .getBytes(StandardCharsets.US_ASCII), null);
        session(rt, 42003, 443, clientHello("vpn2.corp.example"), null);
        session(rt, 42004, 7001, "LGR\u0001 open".getBytes(StandardCharsets.ISO_8859_1), null);
        session(rt, 42005, 7001, "GET / HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII), null);
        Map<Integer, SessionInfo> byPort = new java.util.HashMap<>();
        for (SessionInfo s : rt.sessions(x -> true, 10)) {
            byPort.put(s.clientPort(), s);
        }
        assertEquals("HTTP", byPort.get(42001).application());
        assertEquals("CRM", byPort.get(42001).text(SessionAttribute.NESTED_APPLICATION), "URL decoded, query cut");
        assertEquals("custom application", byPort.get(42001).text(SessionAttribute.CATEGORY));
        assertEquals("UNKNOWN", byPort.get(42002).text(SessionAttribute.NESTED_APPLICATION), "both members must match");
        assertEquals("SSL", byPort.get(42003).application());
        assertEquals("VPN", byPort.get(42003).text(SessionAttribute.NESTED_APPLICATION));
        assertEquals("LEDGER", byPort.get(42004).application());
        assertEquals("payload", byPort.get(42004).text(SessionAttribute.IDENTIFIED_BY));
        assertEquals("HTTP", byPort.get(42005).application(), "another stream on its port is not it");
    }

    @Test
    void anInvalidSignatureIsRefusedAndTheApplicationsInForceStay() {
        Map<String, Object> good = Map.of("customApplication.crm.over", "HTTP",
                "customApplication.crm.member.m01.context", "http-url-parsed",
                "customApplication.crm.member.m01.pattern", "/crm/.*");
        AppTrackRuntime rt = new AppTrackRuntime(mock(SecurityLogService.class), AppTrackSettings.parse(good), clock);
        Map<String, Object> bad = new java.util.HashMap<>(good);
        bad.put("customApplication.crm.member.m02.context", "http-url-parsed");
        bad.put("customApplication.crm.member.m02.pattern", "/crm/(.*");
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> AppTrackSettings.parse(bad));
        assertTrue(e.getMessage().startsWith("customApplication.crm.member.m02.pattern"), e.getMessage());
        // AppTrackManager applies only what parses: the runtime keeps the applications it has
        session(rt, 42010, 80, "GET /crm/ HTTP/1.1\r\nHost: h.example\r\n\r\n".getBytes(StandardCharsets.US_ASCII),
                null);
        assertEquals("CRM", rt.sessions(x -> true, 1).get(0).text(SessionAttribute.NESTED_APPLICATION));
    }

    @Test
    void aServerToClientMemberIsAwaitedAfterADissectorIdentifiedTheSession() {
        Map<String, Object> config = Map.of("customApplication.bastion.over", "TCP",
                "customApplication.bastion.ports", "2222",
                "customApplication.bastion.member.m01.context", "stream",
                "customApplication.bastion.member.m01.direction", "server-to-client",
                "customApplication.bastion.member.m01.pattern", "SSH-2\\.0-Bastion_.*");
        AppTrackRuntime rt = new AppTrackRuntime(mock(SecurityLogService.class), AppTrackSettings.parse(config), clock);
        session(rt, 42020, 2222, "SSH-2.0-OpenSSH_9.6\r\n".getBytes(StandardCharsets.US_ASCII),
                "SSH-2.0-Bastion_1.2\r\n".getBytes(StandardCharsets.US_ASCII));
        session(rt, 42021, 2222, "SSH-2.0-OpenSSH_9.6\r\n".getBytes(StandardCharsets.US_ASCII),
                "SSH-2.0-OpenSSH_9.6\r\n".getBytes(StandardCharsets.US_ASCII));
        Map<Integer, SessionInfo> byPort = new java.util.HashMap<>();
        for (SessionInfo s : rt.sessions(x -> true, 10)) {
            byPort.put(s.clientPort(), s);
        }
        assertEquals("BASTION", byPort.get(42020).application());
        assertEquals("SSH", byPort.get(42021).application(), "the dissector's answer where the signature fails");
    }
}

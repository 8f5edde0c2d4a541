package org.apptrack.apptrack.appid;

import static org.apptrack.testsupport.packets.Packets.A;
import static org.apptrack.testsupport.packets.Packets.ACK;
import static org.apptrack.testsupport.packets.Packets.B;
import static org.apptrack.testsupport.packets.Packets.C;
import static org.apptrack.testsupport.packets.Packets.PSH;
import static org.apptrack.testsupport.packets.Packets.SYN;
import static org.apptrack.testsupport.packets.Packets.TCP;
import static org.apptrack.testsupport.packets.Packets.UDP;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apptrack.apptrack.appid.dissect.Dissector;
import org.apptrack.apptrack.appid.dissect.Identification;
import org.apptrack.apptrack.appid.dissect.Payload;
import org.apptrack.apptrack.appid.catalog.ApplicationRole;
import org.apptrack.apptrack.appid.protocol.StandardDissectors;
import org.apptrack.apptrack.engine.AppTrackEngine;
import org.apptrack.apptrack.engine.CloseReason;
import org.apptrack.apptrack.engine.EngineSettings;
import org.apptrack.apptrack.engine.PolicyResolver;
import org.apptrack.apptrack.engine.SessionEventListener;
import org.apptrack.apptrack.engine.session.SessionSideTable;
import org.apptrack.apptrack.engine.session.SessionTable;
import org.apptrack.testsupport.packets.Bytes;
import org.apptrack.testsupport.packets.Frames;
import org.apptrack.testsupport.packets.Packets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The identification pipeline in the real engine: payload, host-name rules, the caches, the port's guess, the budget. */
class DpiClassifierTest {

    private static final long S = 1_000_000_000L;
    private static final long T0 = 1_700_000_000L * S;

    private TestCatalog catalog;
    private DpiClassifier classifier;
    private AppTrackEngine engine;
    private final List<String> closed = new ArrayList<>();
    private long now = T0;

    @BeforeEach
    void setUp() {
        catalog = new TestCatalog().host("youtube.com", "YOUTUBE").host("googlevideo.com", "YOUTUBE")
                .port(TCP, 80, "HTTP").port(TCP, 443, "SSL").port(UDP, 53, "DNS").port(TCP, 8443, "SSL")
                .address("149.154.160.0/20", "TELEGRAM", ApplicationRole.BOTH)
                .address("142.250.82.0/24", "GOOGLECALL", ApplicationRole.NESTED_APPLICATION);
        classifier = new DpiClassifier(catalog, StandardDissectors.create(catalog),
                new AppIdSettings(8, 4096, 1024, 3600));
        SessionEventListener recorder = new SessionEventListener() {
            @Override
            public void sessionCreated(SessionTable table, int session) {
            }

            @Override
            public void sessionUpdated(SessionTable table, int session) {
            }

            @Override
            public void sessionClosed(SessionTable table, int session, CloseReason reason) {
                SessionSideTable side = engine.side();
                closed.add(table.serverPort(session) + " " + catalog.application(side.applicationId(session)) + "/"
                        + catalog.application(side.nestedApplicationId(session)) + " by "
                        + side.identifiedBy(session));
            }
        };
        engine = new AppTrackEngine(EngineSettings.builder().build(), recorder, PolicyResolver.TRACK_ALL, classifier);
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    private void frame(byte[] f) {
        engine.onFrame(ByteBuffer.wrap(f), 0, now += 1000);
    }

    private void tcpSession(int client, int clientPort, int server, int serverPort, String request) {
        frame(Frames.tcp(client, clientPort, server, serverPort, SYN));
        frame(Frames.tcp(server, serverPort, client, clientPort, SYN | ACK));
        frame(Frames.ipv4(TCP, client, server, Packets.tcp(clientPort, serverPort, PSH | ACK,
                request.getBytes(StandardCharsets.US_ASCII))));
    }

    @Test
    void httpOnAnyPortIsNamedByItsPayloadAndItsHostGivesTheNestedApplication() {
        tcpSession(A, 40000, B, 8443, "GET /watch HTTP/1.1\r\nHost: WWW.YouTube.com:8443\r\nAccept: */*\r\n\r\n");
        engine.closeAll(CloseReason.CLI, now + S);
        assertEquals(List.of("8443 HTTP/YOUTUBE by 3"), closed);
        assertEquals(1, classifier.count(AppIdCounter.IDENTIFIED_BY_PAYLOAD));
        assertEquals(1, classifier.count(AppIdCounter.NESTED_BY_NAME));
    }

    @Test
    void aSessionTheDissectorsCannotNameKeepsThePortsGuess() {
        tcpSession(A, 40001, B, 443, "\u0001\u0002garbage that is no protocol at all");
        engine.closeAll(CloseReason.CLI, now + S);
        assertEquals(List.of("443 SSL/UNKNOWN by 1"), closed);
        assertEquals(1, classifier.count(AppIdCounter.IDENTIFIED_BY_PORT));
    }

    @Test
    void theApplicationSystemCacheNamesTheNextSessionToTheSameServerBeforeItsPayload() {
        tcpSession(A, 40002, B, 8443, "GET / HTTP/1.1\r\nHost: r1.googlevideo.com\r\n\r\n");
        engine.closeAll(CloseReason.CLI, now + S);
        frame(Frames.tcp(C, 40003, B, 8443, SYN));
        engine.closeAll(CloseReason.CLI, now + S);
        assertEquals("8443 HTTP/YOUTUBE by 2", closed.get(1), "named from its first packet by the cache");
        assertEquals(1, classifier.count(AppIdCounter.IDENTIFIED_BY_CACHE));
    }

    @Test
    void aDnsAnswerNamesLaterSessionsToItsAddresses() {
        byte[] answer = Bytes.of().u16(0x1234).u16(0x8180).u16(1).u16(1).u16(0).u16(0)
                .u8(3).bytes(ascii("www")).u8(7).bytes(ascii("youtube")).u8(3).bytes(ascii("com")).u8(0).u16(1).u16(1)
                .u16(0xc00c).u16(1).u16(1).u32(300).u16(4).u32(C).build();
        byte[] query = Bytes.of().u16(0x1234).u16(0x0100).u16(1).u16(0).u16(0).u16(0)
                .u8(3).bytes(ascii("www")).u8(7).bytes(ascii("youtube")).u8(3).bytes(ascii("com")).u8(0).u16(1).u16(1).build();
        frame(Frames.ipv4(UDP, A, B, Packets.udp(50000, 53, query)));
        frame(Frames.ipv4(UDP, B, A, Packets.udp(53, 50000, answer)));
        tcpSession(A, 40004, C, 443, "\u0001\u0002not a hello");
        engine.closeAll(CloseReason.CLI, now + S);
        assertEquals(List.of("53 DNS/UNKNOWN by 3", "443 SSL/YOUTUBE by 1"), closed,
                "a lookup has no nested application; the address it gave does");
        assertEquals(1, classifier.count(AppIdCounter.NESTED_BY_ADDRESS));
    }

    @Test
    void aPassiveFtpDataConnectionIsNamedAndLinkedUnderItsControlSessionWhichClosesIt() {
        frame(Frames.tcp(A, 40010, B, 21, SYN));
        frame(Frames.tcp(B, 21, A, 40010, SYN | ACK));
        frame(Frames.ipv4(TCP, B, A, Packets.tcp(21, 40010, PSH | ACK, ascii("220 (vsFTPd 3.0.3)\r\n"))));
        frame(Frames.ipv4(TCP, A, B, Packets.tcp(40010, 21, PSH | ACK, ascii("PASV\r\n"))));
        frame(Frames.ipv4(TCP, B, A, Packets.tcp(21, 40010, PSH | ACK,
                ascii("227 Entering Passive Mode (10,9,9,9,195,80).\r\n"))));
        frame(Frames.tcp(A, 40011, B, 50000, SYN));
        assertEquals(1, classifier.count(AppIdCounter.ANNOUNCED));
        int control = engine.table().sessionAt(0);
        int data = engine.table().sessionAt(1);
        assertEquals(control, engine.side().parent(data), "linked under the control session");
        assertEquals("FTP", catalog.application(engine.side().applicationId(data)));
        frame(Frames.tcp(A, 40010, B, 21, Packets.RST | ACK));
        engine.advanceTime(now + 10 * S);
        assertEquals(List.of("21 FTP/UNKNOWN by 3", "50000 FTP/UNKNOWN by 3"), closed,
                "the announced address is not trusted; the control session's server is");
    }

    @Test
    void anActiveFtpDataConnectionGoesToTheClientsPort() {
        frame(Frames.tcp(A, 40020, B, 21, SYN));
        frame(Frames.ipv4(TCP, A, B, Packets.tcp(40020, 21, PSH | ACK, ascii("USER anonymous\r\n"))));
        frame(Frames.ipv4(TCP, A, B, Packets.tcp(40020, 21, PSH | ACK, ascii("EPRT |1|10.0.0.1|40021|\r\n"))));
        frame(Frames.tcp(B, 20, A, 40021, SYN));
        assertEquals(1, classifier.count(AppIdCounter.ANNOUNCED));
        assertEquals("FTP", catalog.application(engine.side().applicationId(engine.table().sessionAt(1))));
    }

    @Test
    void inspectionStopsWhenTheBudgetIsSpent() {
        frame(Frames.tcp(A, 40005, B, 9999, SYN));
        for (int i = 0; i < 20; i++) {
            frame(Frames.tcp(A, 40005, B, 9999, ACK, 0));
        }
        assertEquals(0, engine.classificationPool().inUse(), "the slot is given back after 8 packets");
        assertEquals(1, classifier.count(AppIdCounter.BUDGET_EXHAUSTED));
        engine.closeAll(CloseReason.CLI, now + S);
        assertEquals(List.of("9999 UNKNOWN/UNKNOWN by 0"), closed);
    }

    @Test
    void aSessionClosedWhileInspectedIsSettledBeforeItsCloseIsReported() {
        frame(Frames.tcp(A, 40006, B, 443, SYN));
        assertEquals(1, engine.classificationPool().inUse());
        engine.closeAll(CloseReason.CLI, now + S);
        assertEquals(0, engine.classificationPool().inUse());
        assertEquals(1, classifier.count(AppIdCounter.CLOSED_WHILE_INSPECTED));
        assertEquals(List.of("443 SSL/UNKNOWN by 1"), closed);
    }

    @Test
    void moreThanSixtyFourDissectorsAreAllAskedAndAClaimBeyondTheFirstWordKeepsTheSession() {
        List<Dissector> many = new ArrayList<>();
        int[] asked = new int[100];
        for (int i = 0; i < 100; i++) {
            int index = i;
            many.add(new Dissector() {
                @Override
                public String name() {
                    return "d" + index;
                }

                @Override
                public boolean accepts(int ipProtocol) {
                    return ipProtocol == TCP;
                }

                @Override
                public int inspect(Payload p, Identification out) {
                    asked[index]++;
                    if (index == 90 && p.u8(0) == 'C') {
                        return p.state().word(Payload.FIRST_STATE_WORD) == 0 ? claim(p) : NOT_THIS;
                    }
                    if (index == 90 && p.u8(0) == 'N' && p.state().word(Payload.FIRST_STATE_WORD) == 7) {
                        out.application(catalog.id("HTTP"));
                        return IDENTIFIED;
                    }
                    return index == 70 ? MAYBE : NOT_THIS;
                }

                private int claim(Payload p) {
                    p.state().word(Payload.FIRST_STATE_WORD, 7);
                    return CLAIMED;
                }
            });
        }
        classifier = new DpiClassifier(catalog, many, new AppIdSettings(8, 4096, 1024, 3600));
        engine = new AppTrackEngine(EngineSettings.builder().build(), SessionEventListener.NONE, PolicyResolver.TRACK_ALL,
                classifier);
        tcpSession(A, 40007, B, 9999, "Claim me");
        assertEquals(1, asked[0]);
        assertEquals(1, asked[64]);
        assertEquals(1, asked[90], "every dissector up to the claiming one was asked");
        assertEquals(0, asked[91], "none after the one that claimed");
        frame(Frames.ipv4(TCP, A, B, Packets.tcp(40007, 9999, PSH | ACK, ascii("Next"))));
        assertEquals(1, asked[70], "after the claim only the claiming dissector sees payloads");
        assertEquals(2, asked[90]);
        assertEquals(0, engine.classificationPool().inUse());
        assertEquals(1, classifier.count(AppIdCounter.IDENTIFIED_BY_PAYLOAD));
    }

    private static final int TELEGRAM_SERVER = Packets.ip4(149, 154, 167, 51);
    private static final int MEET_SERVER = Packets.ip4(142, 250, 82, 76);

    private static byte[] stunBinding(int type, byte[] attributes) {
        return Bytes.of().u16(type).u16(attributes.length).u32(0x2112A442L).u32(1).u32(2).u32(3).bytes(attributes)
                .build();
    }

    private void udp(int src, int srcPort, int dst, int dstPort, byte[] payload) {
        frame(Frames.ipv4(UDP, src, dst, Packets.udp(srcPort, dstPort, payload)));
    }

    @Test
    void payloadNoDissectorKnowsToAServicesPublishedRangeIsThatService() {
        tcpSession(A, 41000, TELEGRAM_SERVER, 443, "\u00ef\u0001 an MTProto transport, not TLS");
        engine.closeAll(CloseReason.CLI, now + S);
        assertEquals(List.of("443 TELEGRAM/UNKNOWN by 5"), closed, "the address, over the port's guess");
        assertEquals(1, classifier.count(AppIdCounter.IDENTIFIED_BY_ADDRESS));
    }

    @Test
    void aNameFromThePayloadWinsOverTheAddress() {
        tcpSession(A, 41001, TELEGRAM_SERVER, 8443, "GET / HTTP/1.1\r\nHost: www.youtube.com\r\n\r\n");
        engine.closeAll(CloseReason.CLI, now + S);
        assertEquals(List.of("8443 HTTP/YOUTUBE by 3"), closed);
    }

    @Test
    void withoutPayloadThePortsGuessStandsAndTheAddressNamesTheServiceInside() {
        frame(Frames.tcp(A, 41002, TELEGRAM_SERVER, 443, SYN));
        engine.closeAll(CloseReason.CLI, now + S);
        assertEquals(List.of("443 SSL/TELEGRAM by 1"), closed);
    }

    @Test
    void stunToAMessengersRelayIsItsCallService() {
        udp(A, 50000, TELEGRAM_SERVER, 1400, stunBinding(0x0001, new byte[0]));
        udp(TELEGRAM_SERVER, 1400, A, 50000, stunBinding(0x0101, new byte[0]));
        engine.closeAll(CloseReason.CLI, now + S);
        assertEquals(List.of("1400 STUN/TELEGRAMVOIP by 3"), closed);
    }

    @Test
    void dtlsAfterStunIsDtlsAndKeepsTheCallServiceOfTheAddress() {
        udp(A, 50001, MEET_SERVER, 19305, stunBinding(0x0001, new byte[0]));
        udp(MEET_SERVER, 19305, A, 50001, stunBinding(0x0101, new byte[0]));
        udp(A, 50001, MEET_SERVER, 19305, Bytes.of().u8(22).u16(0xfefd).zeros(8).u16(4).u32(0x01000000L).build());
        engine.closeAll(CloseReason.CLI, now + S);
        assertEquals(List.of("19305 DTLS/GOOGLECALL by 3"), closed);
    }

    @Test
    void aCallServiceNamedOnceNamesTheOtherSessionsOfTheSameClientSocket() {
        byte[] realm = Bytes.of().u16(0x0014).u16(10).bytes(ascii("signal.org")).zeros(2).build();
        udp(A, 50002, C, 3478, stunBinding(0x0003, new byte[0]));
        udp(C, 3478, A, 50002, stunBinding(0x0113, realm));
        engine.closeAll(CloseReason.CLI, now + S);
        udp(A, 50002, B, 19302, stunBinding(0x0001, new byte[0]));
        engine.closeAll(CloseReason.CLI, now + S);
        assertEquals(List.of("3478 STUN/SIGNALVOIP by 3", "19302 STUN/SIGNALVOIP by 3"), closed);
        assertEquals(1, classifier.count(AppIdCounter.NESTED_BY_CALL));
    }

    @Test
    void theTurnPeerOfANamedCallIsPartOfThatCall() {
        byte[] peer = Bytes.of().u16(0x0012).u16(8).u8(0).u8(1).u16(40000 ^ 0x2112)
                .u32((C ^ 0x2112A442L) & 0xffffffffL).build();
        udp(A, 50003, TELEGRAM_SERVER, 1400, stunBinding(0x0008, peer));
        engine.closeAll(CloseReason.CLI, now + S);
        udp(A, 50004, C, 40000, stunBinding(0x0001, new byte[0]));
        engine.closeAll(CloseReason.CLI, now + S);
        assertEquals(List.of("1400 STUN/TELEGRAMVOIP by 3", "40000 STUN/TELEGRAMVOIP by 3"), closed);
    }

    @Test
    void unknownPayloadFromTheSocketOfANamedCallIsThatCallsOwnMedia() {
        udp(A, 50005, C, 3478, stunBinding(0x0001, Bytes.of().u16(0x0103).u16(4).u32(1).build()));
        engine.closeAll(CloseReason.CLI, now + S);
        udp(A, 50005, B, 40000, Bytes.of().u8(5).u8(0x10).u16(0x0102).u32(0x0a0b0c0dL).zeros(60).build());
        engine.closeAll(CloseReason.CLI, now + S);
        assertEquals(List.of("3478 STUN/ZOOM by 3", "40000 ZOOM/UNKNOWN by 2"), closed);
    }
}

package org.apptrack.apptrack.appid.protocol;

import static org.apptrack.apptrack.appid.dissect.Dissector.CLAIMED;
import static org.apptrack.apptrack.appid.dissect.Dissector.IDENTIFIED;
import static org.apptrack.apptrack.appid.dissect.Dissector.NOT_THIS;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.apptrack.apptrack.api.IpAddresses;
import org.apptrack.apptrack.appid.IdentificationCatalog;
import org.apptrack.apptrack.appid.NamesCatalog;
import org.apptrack.testsupport.packets.Bytes;
import org.junit.jupiter.api.Test;

/**
 * STUN/TURN and the call services its messages name; what follows STUN on the same ports (DTLS,
 * SRTP). Payloads from the nDPI developer captures where so noted, the others built per RFC 8489.
 */
class StunDissectorTest {

    private final IdentificationCatalog catalog = new NamesCatalog();

    private DissectorHarness udp() {
        return DissectorHarness.udp(new StunDissector(catalog), 3478);
    }

    private String nested(DissectorHarness h) {
        return catalog.application(h.out.nested());
    }

    private static byte[] hex(String s) {
        byte[] b = new byte[s.length() / 2];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) Integer.parseInt(s.substring(2 * i, 2 * i + 2), 16);
        }
        return b;
    }

    private static byte[] message(int type, byte[] attributes) {
        return Bytes.of().u16(type).u16(attributes.length).u32(0x2112A442L).u32(7).u32(8).u32(9).bytes(attributes)
                .build();
    }

    private static byte[] realm(String realm) {
        byte[] r = realm.getBytes(StandardCharsets.US_ASCII);
        return Bytes.of().u16(0x0014).u16(r.length).bytes(r).zeros((4 - r.length % 4) % 4).build();
    }

    @Test
    void whatsAppsAllocateCarriesItsOwnAttribute() {
        // whatsapp_voice_and_message.pcap: Allocate with attribute 0x4000
        DissectorHarness h = udp();
        assertEquals(CLAIMED, h.client(hex("0003006a2112a4420000d160e0ec785eac996a6c400000660100b2f3a431734fd3adf6"
                + "5555afde4c4643a213e87912e8459735685561ac67357fc456daf3234f93fcac0b22c19fa9f4d9685c8b484f4c4f06ca62"
                + "c415a187cdeb3a8ebbdc5a977ca86c9aa09b81c632b045f14b51b40509664cd6b0dc4cca87bc0545adcd")));
        assertEquals("STUN", catalog.application(h.out.application()));
        assertEquals("WHATSAPPCALL", nested(h));
    }

    @Test
    void whatsAppsOwnMessageTypesNameIt() {
        // stun_wa_call.pcapng: type 0x0801, no attributes
        DissectorHarness h = udp();
        assertEquals(CLAIMED, h.client(hex("080100002112a44270758b44c723a74ed1934a3b")));
        assertEquals("WHATSAPPCALL", nested(h));
    }

    @Test
    void teamsAnswersWithMicrosoftsImplementationVersion() {
        // stun_msteams_unidir.pcapng: Binding success with MS-IMPLEMENTATION-VERSION (0x8070)
        DissectorHarness h = udp();
        assertEquals(CLAIMED, h.server(hex("010100342112a442567009c2ae00e698d98f01908070000400000007002000080001e244"
                + "73a09b3900080014081c187c4cf903476de30538dee3554682a1e5d080280004513d0c54")));
        assertEquals("MS-TEAMS", nested(h));
    }

    @Test
    void aLaterMessageOfTheSessionNamesTheServiceByItsRealm() {
        DissectorHarness h = udp();
        assertEquals(CLAIMED, h.client(message(0x0003, new byte[0])));
        assertEquals(0, h.out.nested());
        // viber.pcap: the Allocate error answer with REALM viber.com
        assertEquals(CLAIMED, h.server(hex("011300402112a44231612b5a42584b4e3138795a0009001000000401556e617574686f"
                + "72697a656400150010363966346561313034323439626431650014000976696265722e636f6d000000802800047379de90")));
        assertEquals("VIBERVOIP", nested(h));
    }

    @Test
    void realmsNameTheirServiceByDomainNotBySubstring() {
        String[][] cases = {{"turn.l.google.com", "GOOGLECALL"}, {"signal.org", "SIGNALVOIP"},
            {"turner.facebook", "FACEBOOKVOIP"}, {"telegram.org", "TELEGRAMVOIP"}, {"Viber.COM", "VIBERVOIP"},
            {"notgoogle.com", "UNKNOWN"}, {"google.com.evil.example", "UNKNOWN"}, {"telegramx.org", "UNKNOWN"},
            {"example.org", "UNKNOWN"}};
        for (String[] c : cases) {
            DissectorHarness h = udp();
            assertEquals(CLAIMED, h.server(message(0x0113, realm(c[0]))), c[0]);
            assertEquals(c[1], nested(h), c[0]);
        }
    }

    @Test
    void dtlsAfterStunMakesTheSessionDtls() {
        DissectorHarness h = udp();
        h.client(message(0x0001, Bytes.of().u16(0x8054).u16(4).u32(0x31000000L).build()));
        assertEquals("MS-TEAMS", nested(h));
        assertEquals(IDENTIFIED, h.client(Bytes.of().u8(22).u16(0xfefd).zeros(8).u16(4).u32(0x01000000L).build()));
        assertEquals("DTLS", catalog.application(h.out.application()));
        assertEquals(0, h.out.nested(), "the nested application the session has stays");
    }

    @Test
    void rtpAfterStunIsSrtpOnlyWhenACallServiceWasNamed() {
        byte[] rtp = Bytes.of().u8(0x90).u8(0x78).u16(5).u32(1234).u32(0xcafe).zeros(40).build();
        DissectorHarness named = udp();
        named.client(message(0x0801, new byte[0]));
        assertEquals(IDENTIFIED, named.client(rtp));
        assertEquals("SRTP", catalog.application(named.out.application()));
        DissectorHarness plain = udp();
        plain.client(message(0x0001, new byte[0]));
        assertEquals(CLAIMED, plain.client(rtp));
        assertEquals(0, plain.out.application(), "the session stays STUN");
    }

    @Test
    void identificationEndsAfterAFewMorePayloads() {
        DissectorHarness h = udp();
        assertEquals(CLAIMED, h.client(message(0x0001, new byte[0])));
        for (int i = 1; i < StunDissector.MORE_PAYLOADS; i++) {
            assertEquals(CLAIMED, (i & 1) == 0 ? h.client(message(0x0001, new byte[0]))
                    : h.server(message(0x0101, new byte[0])), "payload " + i);
        }
        assertEquals(IDENTIFIED, h.server(message(0x0101, new byte[0])));
    }

    @Test
    void lookAlikesAreNotStun() {
        assertEquals(NOT_THIS, udp().client(Bytes.of().u16(0x0001).u16(8).u32(0x2112A442L).zeros(12).u16(0x8022)
                .u16(9).bytes(new byte[4]).build()), "an attribute running past the body");
        assertEquals(NOT_THIS, udp().client(Bytes.of().u16(0x0801).u16(0).u32(0x12345678L).zeros(12).build()),
                "WhatsApp's type without the magic cookie");
        assertEquals(NOT_THIS, udp().client(Bytes.of().u8(22).u16(0xfefd).zeros(8).u16(4).u32(0x01000000L).build()),
                "DTLS first is DTLS's, not STUN's");
        Random random = new Random(7);
        for (int i = 0; i < 1000; i++) {
            byte[] noise = new byte[20 + random.nextInt(200)];
            random.nextBytes(noise);
            noise[4] = 0x21; // even with the magic cookie's first byte
            assertEquals(NOT_THIS, udp().client(noise), "random bytes " + i);
        }
    }

    @Test
    void aTurnPeerIsDecodedForTheCallsOtherSessions() {
        int peer = 93 << 24 | 36 << 16 | 13 << 8 | 115;
        DissectorHarness h = udp();
        assertEquals(CLAIMED, h.client(message(0x0008, Bytes.of().u16(0x0012).u16(8).u8(0).u8(1)
                .u16(35393 ^ 0x2112).u32((peer ^ 0x2112A442L) & 0xffffffffL).build())));
        assertEquals(35393, h.out.peerPort());
        assertEquals(0, h.out.peerHigh());
        assertEquals(IpAddresses.ipv4Low(peer), h.out.peerLow());
        DissectorHarness v6 = udp();
        v6.client(message(0x0008, Bytes.of().u16(0x0012).u16(20).u8(0).u8(2).u16(443 ^ 0x2112)
                .u32(0x20010db8L ^ 0x2112A442L).u32(7).u32(8).u32(9 ^ 1).build()));
        assertEquals(443, v6.out.peerPort());
        assertEquals(0x20010db8_00000000L, v6.out.peerHigh(), "XORed with the cookie and the transaction id");
        assertEquals(1, v6.out.peerLow());
    }
}

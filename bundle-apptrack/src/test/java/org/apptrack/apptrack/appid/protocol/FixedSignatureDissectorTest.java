package org.apptrack.apptrack.appid.protocol;

import static org.apptrack.apptrack.appid.dissect.Dissector.IDENTIFIED;
import static org.apptrack.apptrack.appid.dissect.Dissector.NOT_THIS;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.apptrack.apptrack.appid.NamesCatalog;
import org.apptrack.testsupport.packets.Bytes;
import org.junit.jupiter.api.Test;

/** The constant-bytes signatures of ZUG, Riot Games' probes and Xiaomi's push service, and look-alikes. */
class FixedSignatureDissectorTest {

    private final NamesCatalog catalog = new NamesCatalog();

    private DissectorHarness udp() {
        return DissectorHarness.udp(new FixedSignatureDissector(catalog), 19000);
    }

    private String app(DissectorHarness h) {
        return catalog.application(h.out.application());
    }

    @Test
    void zugMagicAndVersion() {
        DissectorHarness h = udp();
        assertEquals(IDENTIFIED, h.client(Bytes.of().u32(0x007a5547L).u8(0x10).u32(0xaea04100L).zeros(20).build()));
        assertEquals("ZUG", app(h));
        assertEquals(NOT_THIS, udp().client(Bytes.of().u32(0x007a5547L).u8(0x11).zeros(20).build()),
                "another version");
        assertEquals(NOT_THIS, udp().client(Bytes.of().u32(0x007a5547L).build()), "magic alone");
    }

    @Test
    void riotGamesProbeTrailer() {
        DissectorHarness h = udp();
        // a latency probe: 28 bytes of header and counters, then the constant trailer
        assertEquals(IDENTIFIED, h.client(Bytes.of().u32(0x7374f60cL).u32(0x72324204L).zeros(20)
                .u32(0xaaaaaaaaL).u32(0xbbbbbbbbL).build()));
        assertEquals("RIOTGAMES", app(h));
        assertEquals(NOT_THIS, udp().client(Bytes.of().u32(0xaaaaaaaaL).u32(0xbbbbbbbbL).build()),
                "the trailer is no whole message");
        assertEquals(NOT_THIS, udp().client(Bytes.of().zeros(20).u32(0xbbbbbbbbL).u32(0xaaaaaaaaL).build()),
                "reversed");
    }

    @Test
    void xiaomiHeaderWithItsLength() {
        DissectorHarness h = DissectorHarness.tcp(new FixedSignatureDissector(catalog), 5222);
        byte[] body = Bytes.of().u32(0x18L).u16(0x0800).u8(0x1a).u8(10).bytes("xiaomi.com".getBytes()).build();
        assertEquals(IDENTIFIED, h.client(Bytes.of().u32(0xc2fe0005L).u32(body.length + 4).u32(0x00020016L)
                .bytes(body).zeros(4).build()));
        assertEquals("XIAOMI", app(h));
        DissectorHarness wrongLength = DissectorHarness.tcp(new FixedSignatureDissector(catalog), 5222);
        assertEquals(NOT_THIS, wrongLength.client(Bytes.of().u32(0xc2fe0005L).u32(body.length + 9)
                .u32(0x00020016L).bytes(body).build()));
        DissectorHarness xmpp = DissectorHarness.tcp(new FixedSignatureDissector(catalog), 5222);
        assertEquals(NOT_THIS, xmpp.client("<?xml version='1.0'?><stream:stream to='example.com'>"));
    }

    @Test
    void genshinImpactConnectAndAccept() {
        DissectorHarness h = udp();
        assertEquals(IDENTIFIED, h.client(Bytes.of().u32(0xff).u32(0).u32(0x1a2b3c4dL).u32(0x499602d2L)
                .u32(0xffffffffL).build()));
        assertEquals("GENSHINIMPACT", app(h));
        assertEquals(IDENTIFIED, udp().server(Bytes.of().u32(0x145).u32(0x318323aL).u32(0x0da21549L)
                .u32(0x499602d2L).u32(0x14514545L).build()));
        assertEquals(NOT_THIS, udp().client(Bytes.of().u32(0xff).u32(0).u32(0).u32(0x499602d2L)
                .u32(0xffffffffL).u32(0).build()), "the handshake is exactly 20 bytes");
    }

    @Test
    void tencentGamesHeaders() {
        DissectorHarness h = DissectorHarness.tcp(new FixedSignatureDissector(catalog), 8085);
        assertEquals(IDENTIFIED, h.client(Bytes.of().u32(0x3366000bL).u16(0x000b).u16(0x1001).zeros(60).build()));
        assertEquals("TENCENTGAMES", app(h));
        assertEquals(IDENTIFIED, DissectorHarness.tcp(new FixedSignatureDissector(catalog), 8085).client(
                Bytes.of().u32(0x4366aa00L).u32(0x94).u32(0x15000000L).u32(0x10e68601L).zeros(60).build()));
        assertEquals(IDENTIFIED, DissectorHarness.tcp(new FixedSignatureDissector(catalog), 8085).server(
                Bytes.of().u32(0xaa000000L).u32(0x5d15).u16(0).u32(0x10e68601L).zeros(60).build()));
        assertEquals(NOT_THIS, DissectorHarness.tcp(new FixedSignatureDissector(catalog), 8085).client(
                Bytes.of().u32(0x3366000bL).u16(0x000b).zeros(10).build()), "too short for a message");
    }

    @Test
    void gaijinHelloAndUpdaterTelemetry() {
        DissectorHarness h = udp();
        assertEquals(IDENTIFIED, h.client(Bytes.of().u16(0x8fff).u8(0).u8(1).u32(0x82ff0001L).zeros(44).build()));
        assertEquals("GAIJINENTERTAINMENT", app(h));
        assertEquals(IDENTIFIED, udp().client("embeddedupdater.start,env=production,circuit=x value=1"));
        assertEquals(NOT_THIS, udp().client("app.start,env=production,circuit=x value=1"),
                "a metric of any application in the same line format");
    }

    @Test
    void neteaseHelloAndHeaders() {
        DissectorHarness h = udp();
        assertEquals(IDENTIFIED, h.client(Bytes.of().u8(1).u8(0xb5).u16(0xd001).u32(0x112a3d03L).u32(0x00010101L)
                .build()));
        assertEquals("NETEASEGAMES", app(h));
        assertEquals(NOT_THIS, udp().server(Bytes.of().u8(1).u8(0x14).u16(0xd301).u32(0x112a3d03L).u32(0x48411701L)
                .build()), "the answer is no hello");
        assertEquals(IDENTIFIED, udp().client(Bytes.of().u32(0x0708080cL).zeros(40).build()));
    }

    @Test
    void randomDatagramsAreNotTaken() {
        Random random = new Random(11);
        for (int i = 0; i < 10_000; i++) {
            byte[] b = new byte[1 + random.nextInt(200)];
            random.nextBytes(b);
            assertEquals(NOT_THIS, udp().client(b));
            assertEquals(NOT_THIS, DissectorHarness.tcp(new FixedSignatureDissector(catalog), 5222).client(b));
        }
    }
}

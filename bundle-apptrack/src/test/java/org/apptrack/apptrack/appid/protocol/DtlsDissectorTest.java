package org.apptrack.apptrack.appid.protocol;

import static org.apptrack.apptrack.appid.dissect.Dissector.IDENTIFIED;
import static org.apptrack.apptrack.appid.dissect.Dissector.NOT_THIS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.apptrack.apptrack.appid.IdentificationCatalog;
import org.apptrack.apptrack.appid.NamesCatalog;
import org.apptrack.testsupport.packets.Bytes;
import org.junit.jupiter.api.Test;

/** DTLS records, the standard versions and Cisco AnyConnect's pre-standard one; look-alikes refused. */
class DtlsDissectorTest {

    private final IdentificationCatalog catalog = new NamesCatalog();

    private DissectorHarness udp() {
        return DissectorHarness.udp(new DtlsDissector(catalog), 443);
    }

    private static byte[] record(int type, int version, int length) {
        return Bytes.of().u8(type).u16(version).u16(0).u32(0).u16(1).u16(length).zeros(length).build();
    }

    @Test
    void recordsOfEveryDtlsVersionTilingTheDatagram() {
        for (int version : new int[] {0xfeff, 0xfefd, 0xfefc, 0x0100}) {
            DissectorHarness h = udp();
            assertEquals(IDENTIFIED, h.client(record(22, version, 40)), Integer.toHexString(version));
            assertEquals("DTLS", catalog.application(h.out.application()));
            assertTrue(h.out.encrypted());
        }
        assertEquals(IDENTIFIED, udp().client(Bytes.of().bytes(record(20, 0xfefd, 1)).bytes(record(22, 0xfefd, 30))
                .build()), "two records in one datagram");
    }

    @Test
    void ciscoAnyConnectsHelloVerifyRequest() {
        // dtls_old_version.pcapng: a HelloVerifyRequest of DTLS1_BAD_VER (0x0100)
        byte[] p = new byte[48];
        String hex = "16010000000000000000000023030000170000000000000017010014942f25f0c265c288f24cd680e7072353a8d5df74";
        for (int i = 0; i < p.length; i++) {
            p[i] = (byte) Integer.parseInt(hex.substring(2 * i, 2 * i + 2), 16);
        }
        assertEquals(IDENTIFIED, udp().server(p));
    }

    @Test
    void lookAlikesAreNotDtls() {
        assertEquals(NOT_THIS, udp().client(record(22, 0x0303, 40)), "TLS's version");
        assertEquals(NOT_THIS, udp().client(record(22, 0x0101, 40)), "no such version");
        assertEquals(NOT_THIS, udp().client(record(26, 0xfefd, 40)), "no such content type");
        byte[] shortened = record(22, 0xfefd, 40);
        assertEquals(NOT_THIS, udp().client(java.util.Arrays.copyOf(shortened, shortened.length - 1)),
                "a record longer than the datagram");
        Random random = new Random(11);
        for (int i = 0; i < 1000; i++) {
            byte[] noise = new byte[13 + random.nextInt(300)];
            random.nextBytes(noise);
            noise[0] = 22;
            assertEquals(NOT_THIS, udp().client(noise), "random bytes " + i);
        }
    }
}

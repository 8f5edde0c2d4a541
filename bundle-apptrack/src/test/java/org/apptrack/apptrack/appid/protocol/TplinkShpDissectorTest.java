package org.apptrack.apptrack.appid.protocol;

import static org.apptrack.apptrack.appid.dissect.Dissector.IDENTIFIED;
import static org.apptrack.apptrack.appid.dissect.Dissector.NOT_THIS;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import org.apptrack.apptrack.appid.NamesCatalog;
import org.apptrack.testsupport.packets.Bytes;
import org.junit.jupiter.api.Test;

class TplinkShpDissectorTest {

    private static final String QUERY = "{\"system\":{\"get_sysinfo\":{}}}";

    private final NamesCatalog catalog = new NamesCatalog();

    /** The protocol's autokey XOR, key 171 then each cipher byte. */
    static byte[] encrypt(String plain) {
        byte[] b = plain.getBytes(StandardCharsets.US_ASCII);
        int key = 171;
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) (b[i] ^ key);
            key = b[i] & 0xff;
        }
        return b;
    }

    @Test
    void discoveryOverUdpAndCommandOverTcp() {
        DissectorHarness h = DissectorHarness.udp(new TplinkShpDissector(catalog), 9999);
        assertEquals(IDENTIFIED, h.client(encrypt(QUERY)));
        assertEquals("TPLINK-SHP", catalog.application(h.out.application()));
        byte[] body = encrypt(QUERY);
        assertEquals(IDENTIFIED, DissectorHarness.tcp(new TplinkShpDissector(catalog), 9999).client(
                Bytes.of().u32(body.length).bytes(body).build()));
    }

    @Test
    void plainJsonAWrongLengthOrBinaryAfterTheBraceIsRefused() {
        assertEquals(NOT_THIS, DissectorHarness.udp(new TplinkShpDissector(catalog), 9999).client(QUERY));
        byte[] body = encrypt(QUERY);
        assertEquals(NOT_THIS, DissectorHarness.tcp(new TplinkShpDissector(catalog), 9999).client(
                Bytes.of().u32(3).bytes(body).build()), "length shorter than the message");
        byte[] binary = encrypt("{\"\u0001\u0002\u0003\u0004");
        assertEquals(NOT_THIS, DissectorHarness.udp(new TplinkShpDissector(catalog), 9999).client(binary));
    }
}

package org.apptrack.apptrack.appid.quic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Initial key derivation and packet protection against the examples the RFCs print: RFC 9001
 * Appendix A (QUIC v1) and RFC 9369 Appendix A (QUIC v2), same client DCID.
 */
class InitialKeysTest {

    private static final byte[] DCID = hex("8394c8f03e515708");

    @Test
    void version1KeysAreTheRfcs() throws GeneralSecurityException {
        assertEquals("1f369613dd76d5467730efcbe3b1a22d" + "fa044b2f42a3fd3b46fb255c" + "9f50449e04a0e810283a1e9933adedd2",
                material(QuicVersion.V1));
    }

    @Test
    void version2KeysAreTheRfcs() throws GeneralSecurityException {
        assertEquals("8b1a0bc121284290a29e0971b5cd045d" + "91f73e2351d8fa91660e909f" + "45b95e15235d6f45a6b19cbcb0294ba9",
                material(QuicVersion.V2));
    }

    @Test
    void theRfcClientInitialsOpenAndNameTheirServer() throws IOException {
        for (Map.Entry<String, byte[]> e : rfcPackets().entrySet()) {
            QuicHello out = new QuicHello();
            QuicStatus st = new QuicInitialReader(0, 0, 2048).read(QuicFeed.state(), ByteBuffer.wrap(e.getValue()), 0,
                    e.getValue().length, out);
            assertEquals(QuicStatus.COMPLETE, st, e.getKey());
            assertEquals("example.com", out.hello().serverName().toString(), e.getKey());
            assertEquals("[alpn]", out.hello().alpn().toString(), e.getKey());
            assertTrue(out.hello().offersTls13(), e.getKey());
            assertEquals(e.getKey().equals("v1") ? QuicVersion.V1 : QuicVersion.V2, out.version());
        }
    }

    @Test
    void draftsAndGoogleVersionsHaveTheirSalts() {
        assertNotNull(QuicVersion.of(0xff00001d));
        assertNotNull(QuicVersion.of(0xff000017));
        assertNotNull(QuicVersion.of(0xff000022));
        assertNull(QuicVersion.of(0xff000015), "draft 21 and older are not opened");
        assertNull(QuicVersion.of(0x1a2a3a4a), "a version-negotiation probe has no keys");
        assertEquals("Q050", QuicVersion.name(QuicVersion.Q050));
        assertEquals("draft-29", QuicVersion.name(0xff00001d));
    }

    /** The RFCs' protected client Initials from the test resource, by version. */
    static Map<String, byte[]> rfcPackets() throws IOException {
        Map<String, byte[]> out = new HashMap<>();
        try (InputStream in = InitialKeysTest.class.getResourceAsStream("rfc-client-initials.txt")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.US_ASCII).split("\n")) {
                if (!line.startsWith("#") && !line.isBlank()) {
                    String[] f = line.split(" ");
                    out.put(f[0], hex(f[1]));
                }
            }
        }
        return out;
    }

    private static String material(int version) throws GeneralSecurityException {
        InitialPacketDecryptor d = new InitialPacketDecryptor();
        d.selectKeys(QuicVersion.of(version), DCID, DCID.length);
        StringBuilder s = new StringBuilder();
        for (byte b : d.keyMaterial()) {
            s.append(String.format("%02x", b & 0xff));
        }
        return s.toString();
    }

    static byte[] hex(String s) {
        byte[] out = new byte[s.length() / 2];
        for (int i = 0; i < out.length; i++) {
            out[i] = (byte) Integer.parseInt(s.substring(2 * i, 2 * i + 2), 16);
        }
        return out;
    }
}

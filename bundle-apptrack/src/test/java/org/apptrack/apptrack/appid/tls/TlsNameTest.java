package org.apptrack.apptrack.appid.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Names from the network: bounded, kept as received, escaped when shown, judged for host-name shape. */
class TlsNameTest {

    @Test
    void aLongNameIsCutAtTheBoundAndFlagged() {
        TlsName n = name("x".repeat(300));
        assertEquals(TlsName.MAX, n.length());
        assertTrue(n.truncated());
        assertFalse(n.isHostName(), "a cut name is not a host name");
    }

    @Test
    void whatIsNotPrintableIsEscapedWhenShown() {
        TlsName n = name("a\nb\\c\u00e9");
        assertEquals("a\\x0ab\\x5cc\\xc3\\xa9", n.toString());
        assertFalse(n.isPrintable());
        assertTrue(name("www.example.com").isPrintable());
    }

    @Test
    void hostNameShape() {
        for (String good : new String[] {"www.example.com", "*.example.com", "a", "xn--bcher-kva.example",
            "under_score.example.com", "example.com.", "10.0.0.1"}) {
            assertTrue(name(good).isHostName(), good);
        }
        for (String bad : new String[] {"", "a..b", ".a", "exa mple.com", "a*.example.com", "*", "*.", "a/b",
            "x".repeat(64) + ".com", "a\u0000b"}) {
            assertFalse(name(bad).isHostName(), bad);
        }
    }

    @Test
    void anIpv4LiteralIsToldFromAHostName() {
        for (String literal : new String[] {"82.81.46.13", "10.0.0.1.", "7"}) {
            assertTrue(name(literal).isAddressLiteral(), literal);
        }
        for (String host : new String[] {"www.example.com", "1.example.com", "example.123a", "a.b.c.4com", "", "."}) {
            assertFalse(name(host).isAddressLiteral(), host);
        }
    }

    @Test
    void theBytesAreThoseReceivedAndComparable() {
        TlsName n = name("Example.COM");
        assertTrue(n.contentEquals("Example.COM"));
        assertFalse(n.contentEquals("example.com"), "as received: no case folding");
        byte[] copy = new byte[20];
        assertEquals(11, n.copyTo(copy, 3));
        assertEquals('E', copy[3]);
        assertEquals('E', n.byteAt(0));
        n.clear();
        assertFalse(n.isPresent());
    }

    private static TlsName name(String text) {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        ByteBuffer buffer = ByteBuffer.allocate(b.length + 4);
        buffer.position(2);
        buffer.put(b);
        buffer.position(1);
        TlsName n = new TlsName();
        n.set(buffer, 2, b.length);
        assertEquals(1, buffer.position(), "the source's position is not moved");
        return n;
    }
}

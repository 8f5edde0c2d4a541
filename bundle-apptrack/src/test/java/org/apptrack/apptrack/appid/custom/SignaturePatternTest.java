package org.apptrack.apptrack.appid.custom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The Junos pattern syntax, whole-value matching, its errors, and matching without allocation or without end. */
class SignaturePatternTest {

    private static boolean matches(String pattern, String value) {
        byte[] b = value.getBytes(StandardCharsets.ISO_8859_1);
        return SignaturePattern.compile(pattern).matches(b, 0, b.length);
    }

    @Test
    void literalsWildcardsClassesAndAlternativesMatchTheWholeValue() {
        assertTrue(matches(".*\\.example\\.com", "www.example.com"));
        assertFalse(matches(".*\\.example\\.com", "www.example.com.evil.net"), "the whole value, not a part");
        assertFalse(matches(".*\\.example\\.com", "wwwXexampleXcom"), "an escaped dot is a dot");
        assertTrue(matches("/api/v[0-9]+/.*", "/api/v12/users"));
        assertFalse(matches("/api/v[0-9]+/.*", "/api/vx/users"));
        assertTrue(matches("[^/]*\\.(mp4|m4s)", "seg.m4s"));
        assertTrue(matches("curl/.*|Wget/.*", "Wget/1.21"));
        assertTrue(matches("a?b+", "bbb"));
        assertTrue(matches("100%", "100%"));
    }

    @Test
    void caseIsIgnoredOnlyInsideTheBracketedPart() {
        assertTrue(matches("\\[mozilla\\]/.*", "MoZiLLa/5.0"));
        assertFalse(matches("mozilla/.*", "Mozilla/5.0"), "case matters outside \\[ \\]");
        assertFalse(matches("\\[moz\\]illa", "MOZILLA"));
    }

    @Test
    void bytesInHexadecimalOrOctalMatchBinaryPayloads() {
        byte[] hello = {0x16, 0x03, 0x01, 0x02, 0x00, 0x01};
        assertTrue(SignaturePattern.compile("\\x1603\\x.*").matches(hello, 0, hello.length));
        assertTrue(SignaturePattern.compile("\\X16 03 01\\X..\\x01\\x").matches(hello, 0, hello.length));
        assertTrue(SignaturePattern.compile("\\0026\\0003.*").matches(hello, 0, hello.length));
        assertFalse(SignaturePattern.compile("\\x1703\\x.*").matches(hello, 0, hello.length));
        byte[] high = {(byte) 0xff, (byte) 0xfe, '\n'};
        assertTrue(SignaturePattern.compile("\\xfffe\\x.").matches(high, 0, high.length), "bytes above 127, a newline");
        ByteBuffer frame = ByteBuffer.wrap(new byte[] {9, 9, 0x16, 0x03, 9});
        assertTrue(SignaturePattern.compile("\\x1603\\x").matches(frame, 2, 2), "in place, at absolute offsets");
    }

    @Test
    void badPatternsAreRefusedSayingWhy() {
        assertEquals("no pattern", assertThrows(IllegalArgumentException.class, () -> SignaturePattern.compile(""))
                .getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> SignaturePattern.compile("x".repeat(129)))
                .getMessage().contains("128"));
        for (String bad : new String[] {"(abc", "abc)", "[abc", "*a", "a**", "\\x16", "\\x1\\x", "\\xzz\\x", "\\0 9",
            "\\[abc", "abc\\]", "\\q", "a\\", "(|*)", "\u00e9"}) {
            assertThrows(IllegalArgumentException.class, () -> SignaturePattern.compile(bad), bad);
        }
    }

    @Test
    void aMatchThatWouldBacktrackWithoutEndIsAbandoned() {
        SignaturePattern p = SignaturePattern.compile("(a|aa)*c");
        byte[] crafted = "a".repeat(200).getBytes(StandardCharsets.US_ASCII);
        assertFalse(p.matches(crafted, 0, crafted.length), "no match rather than an engine stalled for ages");
        byte[] fine = "aaac".getBytes(StandardCharsets.US_ASCII);
        assertTrue(p.matches(fine, 0, fine.length), "the matcher is usable after an abandoned match");
    }

    @Test
    void matchingAllocatesNothing() {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        SignaturePattern host = SignaturePattern.compile(".*\\.\\[example\\]\\.(com|net)");
        SignaturePattern stream = SignaturePattern.compile("\\x1603\\x(\\x01\\x|\\x02\\x).*");
        byte[] name = "portal.EXAMPLE.net".getBytes(StandardCharsets.US_ASCII);
        ByteBuffer frame = ByteBuffer.allocate(600);
        frame.put(10, (byte) 0x16).put(11, (byte) 3).put(12, (byte) 1);
        for (int i = 0; i < 20_000; i++) { // warm up: the JIT's own allocations are not the matcher's
            host.matches(name, 0, name.length);
            stream.matches(frame, 10, 500);
        }
        long before = threads.getThreadAllocatedBytes(Thread.currentThread().getId());
        int hits = 0;
        for (int i = 0; i < 10_000; i++) {
            hits += host.matches(name, 0, name.length) ? 1 : 0;
            hits += stream.matches(frame, 10, 500) ? 1 : 0;
        }
        long allocated = threads.getThreadAllocatedBytes(Thread.currentThread().getId()) - before;
        assertEquals(20_000, hits);
        assertTrue(allocated < 4096, "allocated " + allocated + " bytes over 20,000 matches");
    }
}

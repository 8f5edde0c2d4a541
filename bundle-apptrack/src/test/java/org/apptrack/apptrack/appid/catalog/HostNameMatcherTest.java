package org.apptrack.apptrack.appid.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.function.ToIntFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The matcher over every pattern: longest label-aligned suffix wins, case-insensitive, trailing
 * dot, {@code name.*}, untrusted input. Every case runs over a byte array at an offset, a heap
 * buffer at an offset and a direct buffer (absolute reads, position and limit untouched).
 */
class HostNameMatcherTest {

    private static final int GOOGLE = 1;
    private static final int YOUTUBE = 2;
    private static final int GMAIL = 3;
    private static final int MAPS = 4;
    private static final int EXAMPLE = 5;
    private static final int DEEP = 6;
    private static final int IDN = 7;
    private static final int AMAZON = 8;
    private static final int AWS = 9;

    static final HostNameMatcher MATCHER = HostNameMatcher.builder()
            .add(HostPattern.parse("google.com"), GOOGLE)
            .add(HostPattern.parse("google.*"), GOOGLE)
            .add(HostPattern.parse("youtube.com"), YOUTUBE)
            .add(HostPattern.parse("googlevideo.com"), YOUTUBE)
            .add(HostPattern.parse("mail.google.com"), GMAIL)
            .add(HostPattern.parse("maps.google.*"), MAPS)
            .add(HostPattern.parse("example.org"), EXAMPLE)
            .add(HostPattern.parse("a.b.c.example.org"), DEEP)
            .add(HostPattern.parse("xn--bcher-kva.example"), IDN)
            .add(HostPattern.parse("amazon.*"), AMAZON)
            .add(HostPattern.parse("amazonaws.com"), AWS)
            .build();

    static Stream<Arguments> cases() {
        return Stream.of(
                // label boundaries
                Arguments.of("youtube.com", YOUTUBE),
                Arguments.of("www.youtube.com", YOUTUBE),
                Arguments.of("r3---sn-abc.googlevideo.com", YOUTUBE),
                Arguments.of("notyoutube.com", 0),
                Arguments.of("youtube.com.evil.net", 0),
                Arguments.of("outube.com", 0),
                Arguments.of("com", 0),
                // longest suffix
                Arguments.of("mail.google.com", GMAIL),
                Arguments.of("a.mail.google.com", GMAIL),
                Arguments.of("gmail.google.com", GOOGLE),
                Arguments.of("x.a.b.c.example.org", DEEP),
                Arguments.of("b.c.example.org", EXAMPLE),
                Arguments.of("a.b.c.example.org", DEEP),
                Arguments.of("s3.amazonaws.com", AWS),
                // case and trailing dot
                Arguments.of("WWW.YouTube.COM", YOUTUBE),
                Arguments.of("www.youtube.com.", YOUTUBE),
                Arguments.of("MAIL.GOOGLE.COM.", GMAIL),
                // name under any top-level domain
                Arguments.of("google.de", GOOGLE),
                Arguments.of("www.google.fr", GOOGLE),
                Arguments.of("www.google.co.uk", GOOGLE),
                Arguments.of("www.google.com.br", GOOGLE),
                Arguments.of("maps.google.it", MAPS),
                Arguments.of("maps.google.co.jp", MAPS),
                Arguments.of("maps.google.com", MAPS),
                Arguments.of("a-rather-long-label.maps.google.com.br", MAPS),
                Arguments.of("www.amazon.de.", AMAZON),
                Arguments.of("google.evil.com", 0),
                Arguments.of("google.co.evil", 0),
                Arguments.of("mygoogle.de", 0),
                Arguments.of("google.d3", 0),
                Arguments.of("google", 0),
                // IDN names match in their ACE form only, as sent
                Arguments.of("www.xn--bcher-kva.example", IDN),
                Arguments.of("www.bücher.example", 0),
                // not host names: no match, however close
                Arguments.of("", 0),
                Arguments.of(".", 0),
                Arguments.of("..", 0),
                Arguments.of(".youtube.com", 0),
                Arguments.of("www..youtube.com", 0),
                Arguments.of("www.youtube.com..", 0),
                Arguments.of("www.youtube.com:443", 0),
                Arguments.of("www.you tube.com", 0),
                Arguments.of("www.youtube.com\u0000", 0),
                Arguments.of("evil\r\n.youtube.com", 0),
                Arguments.of("a".repeat(64) + ".youtube.com", 0),
                Arguments.of("a".repeat(63) + ".youtube.com", YOUTUBE),
                Arguments.of(longName(254) + ".youtube.com", 0),
                Arguments.of(longName(241) + ".youtube.com", YOUTUBE));
    }

    /** Labels of 9 letters and a dot: {@code n} bytes. */
    private static String longName(int n) {
        StringBuilder b = new StringBuilder();
        while (b.length() < n) {
            b.append(b.length() % 10 == 9 ? '.' : 'a');
        }
        String s = b.toString();
        return s.endsWith(".") ? s.substring(0, s.length() - 1) + "a" : s;
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("cases")
    void matchesTheLongestLabelAlignedSuffix(String name, int expected) {
        byte[] bytes = name.getBytes(StandardCharsets.UTF_8);
        for (ToIntFunction<byte[]> way : ways()) {
            assertEquals(expected, way.applyAsInt(bytes), name);
        }
        assertEquals(expected, MATCHER.match(name), name);
    }

    /** The three ways in: an array at an offset, a heap buffer at an offset, a direct buffer. */
    private static java.util.List<ToIntFunction<byte[]>> ways() {
        return java.util.List.of(
                bytes -> {
                    byte[] framed = new byte[bytes.length + 7];
                    framed[0] = 'x';
                    framed[framed.length - 1] = 'y';
                    System.arraycopy(bytes, 0, framed, 3, bytes.length);
                    return MATCHER.match(framed, 3, bytes.length);
                },
                bytes -> {
                    ByteBuffer b = ByteBuffer.allocate(bytes.length + 10);
                    b.position(5);
                    b.put(bytes);
                    b.position(1).limit(bytes.length + 6);
                    int found = MATCHER.match(b, 5, bytes.length);
                    assertEquals(1, b.position());
                    assertEquals(bytes.length + 6, b.limit());
                    return found;
                },
                bytes -> {
                    ByteBuffer b = ByteBuffer.allocateDirect(bytes.length + 4);
                    b.position(2);
                    b.put(bytes);
                    b.position(0);
                    int found = MATCHER.match(b, 2, bytes.length);
                    assertEquals(0, b.position());
                    return found;
                });
    }

    @Test
    void boundsOutsideTheBufferMatchNothing() {
        byte[] name = "www.youtube.com".getBytes(StandardCharsets.US_ASCII);
        assertEquals(0, MATCHER.match(name, 1, name.length));
        assertEquals(0, MATCHER.match(name, -1, 3));
        assertEquals(0, MATCHER.match(name, 0, 0));
        assertEquals(0, MATCHER.match((byte[]) null, 0, 3));
        ByteBuffer limited = ByteBuffer.wrap(name);
        limited.limit(5);
        assertEquals(0, MATCHER.match(limited, 0, name.length));
        assertEquals(YOUTUBE, MATCHER.match(ByteBuffer.wrap(name), 0, name.length));
        assertEquals(YOUTUBE, MATCHER.match(ByteBuffer.wrap(name).asReadOnlyBuffer(), 0, name.length));
    }

    @Test
    void anEmptyMatcherMatchesNothing() {
        assertEquals(0, HostNameMatcher.empty().match("www.youtube.com"));
        assertEquals(0, HostNameMatcher.empty().size());
    }

    @Test
    void aPatternTwiceOrIdZeroIsRefused() {
        HostNameMatcher.Builder b = HostNameMatcher.builder().add(HostPattern.parse("a.com"), 1);
        assertThrows(IllegalArgumentException.class, () -> b.add(HostPattern.parse("*.A.com"), 2));
        assertThrows(IllegalArgumentException.class, () -> b.add(HostPattern.parse("b.com"), 0));
        assertThrows(IllegalArgumentException.class, () -> b.add(HostPattern.parse("b.com"), 65536));
    }

    /** Many patterns: every one is found through its own table slot, and their sub-domains too. */
    @Test
    void thousandsOfPatternsAllFound() {
        HostNameMatcher.Builder b = HostNameMatcher.builder();
        int n = 20_000;
        for (int i = 1; i <= n; i++) {
            b.add(HostPattern.parse("site" + i + ".example" + (i % 7) + ".com"), 1 + i % 65000);
        }
        HostNameMatcher m = b.build();
        assertEquals(n, m.size());
        for (int i = 1; i <= n; i++) {
            assertEquals(1 + i % 65000, m.match("www.site" + i + ".example" + (i % 7) + ".com"));
            assertEquals(0, m.match("www.site" + i + ".example" + ((i + 1) % 7) + ".com"));
        }
    }

    /** Random bytes never throw and, being no host name, match nothing unless they spell one. */
    @Test
    void garbageNeverThrows() {
        Random random = new Random(7);
        byte[] buffer = new byte[400];
        for (int i = 0; i < 100_000; i++) {
            random.nextBytes(buffer);
            int length = random.nextInt(buffer.length);
            int found = MATCHER.match(buffer, 0, length);
            assertTrue(found == 0 || new String(buffer, 0, length, StandardCharsets.ISO_8859_1)
                    .matches("[A-Za-z0-9._-]+"), "matched garbage");
        }
    }
}

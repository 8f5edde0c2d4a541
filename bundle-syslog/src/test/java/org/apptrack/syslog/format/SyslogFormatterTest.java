package org.apptrack.syslog.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apptrack.syslog.api.LogRecord;
import org.junit.jupiter.api.Test;

class SyslogFormatterTest {

    private static final long T = Instant.parse("2020-05-07T16:27:40.111Z").toEpochMilli();

    private static String format(FormatSettings settings, LogRecord record) {
        return new String(SyslogFormatter.create(settings).formatToArray(record), StandardCharsets.UTF_8);
    }

    private static LogRecord.Builder close() {
        return LogRecord.builder("APPTRACK_SESSION_CLOSE").time(T).field("reason", "TCP FIN")
                .field("source-address", "4.0.0.1");
    }

    @Test
    void sdSyslogEndsAtTheClosingBracket() {
        assertEquals("<14>1 2020-05-07T16:27:40.111Z fw RT_FLOW - APPTRACK_SESSION_CLOSE "
                        + "[junos@2636.1.1.1.2.129 reason=\"TCP FIN\" source-address=\"4.0.0.1\"]",
                format(FormatSettings.of(LogFormat.SD_SYSLOG, "fw"), close().body("ignored").build()));
    }

    @Test
    void structuredSyslogAppendsTheBody() {
        assertEquals("<14>1 2020-05-07T16:27:40.111Z fw RT_FLOW - APPTRACK_SESSION_CLOSE "
                        + "[junos@2636.1.1.1.2.129 reason=\"TCP FIN\" source-address=\"4.0.0.1\"] "
                        + "AppTrack session closed TCP FIN: 4.0.0.1",
                format(FormatSettings.of(LogFormat.STRUCTURED_SYSLOG, "fw"),
                        close().body("AppTrack session closed TCP FIN: 4.0.0.1").build()));
    }

    @Test
    void plainSyslogPadsTheDayAndWritesTheBody() {
        long april8 = Instant.parse("2021-04-08T10:57:14.999Z").toEpochMilli();
        assertEquals("<14>Apr  8 10:57:14 fw RT_FLOW: APPTRACK_SESSION_CREATE: AppTrack session created x",
                format(FormatSettings.of(LogFormat.SYSLOG, "fw"), LogRecord.builder("APPTRACK_SESSION_CREATE")
                        .time(april8).body("AppTrack session created x").build()));
    }

    @Test
    void plainSyslogWithoutBodyKeepsTheFields() {
        assertEquals("<14>May  7 16:27:40 fw RT_FLOW: APPTRACK_SESSION_CLOSE: reason=\"TCP FIN\" "
                + "source-address=\"4.0.0.1\"", format(FormatSettings.of(LogFormat.SYSLOG, "fw"), close().build()));
    }

    @Test
    void escapesQuoteBackslashAndBracketPerRfc5424() {
        String line = format(FormatSettings.of(LogFormat.SD_SYSLOG, "fw"),
                LogRecord.builder("T").time(T).field("username", "a\"b\\c]d").build());
        assertTrue(line.endsWith("[junos@2636.1.1.1.2.129 username=\"a\\\"b\\\\c\\]d\"]"), line);
    }

    @Test
    void noControlCharacterReachesTheWire() {
        String hostile = "evil\r\n<14>1 fake\u0000 x\u0085y\u2028z\u007f\t";
        for (LogFormat f : LogFormat.values()) {
            byte[] bytes = SyslogFormatter.create(FormatSettings.of(f, "fw")).formatToArray(
                    LogRecord.builder("T").time(T).field("http-host", hostile).body(hostile).build());
            for (byte b : bytes) {
                int c = b & 0xff;
                assertFalse(c < 0x20 || c == 0x7f, f + " wrote control byte " + c);
            }
            String text = new String(bytes, StandardCharsets.UTF_8);
            assertFalse(text.contains("\u0085") || text.contains("\u2028"), f + ": " + text);
        }
    }

    @Test
    void writesUtf8IncludingSupplementaryCharactersAndReplacesLoneSurrogates() {
        String line = format(FormatSettings.of(LogFormat.SD_SYSLOG, "fw"),
                LogRecord.builder("T").time(T).field("u", "Zürich €😀").field("bad", "a\ud800b").build());
        assertTrue(line.endsWith("u=\"Zürich €😀\" bad=\"a?b\"]"), line);
    }

    @Test
    void logicalSystemRecordGetsLsSuffixAndFirstField() {
        LogRecord r = LogRecord.builder("APPTRACK_SESSION_CREATE").time(T).field("source-address", "1.1.1.1")
                .logicalSystem("LSYS1").build();
        assertEquals("<14>1 2020-05-07T16:27:40.111Z fw RT_FLOW - APPTRACK_SESSION_CREATE_LS "
                        + "[junos@2636.1.1.1.2.129 logical-system-name=\"LSYS1\" source-address=\"1.1.1.1\"]",
                format(FormatSettings.of(LogFormat.SD_SYSLOG, "fw"), r));
        assertEquals("<14>May  7 16:27:40 fw RT_FLOW: APPTRACK_SESSION_CREATE_LS: x",
                format(FormatSettings.of(LogFormat.SYSLOG, "fw"), LogRecord.builder("APPTRACK_SESSION_CREATE")
                        .time(T).logicalSystem("LSYS1").body("x").build()));
        LogRecord root = LogRecord.builder("X").time(T).logicalSystem(LogRecord.ROOT_LOGICAL_SYSTEM).build();
        assertEquals("X", root.wireTag());
        assertEquals(0, root.fieldCount());
    }

    @Test
    void timestampPrecisionsAndOffsets() {
        FormatSettings base = FormatSettings.of(LogFormat.SD_SYSLOG, "fw");
        LogRecord r = LogRecord.builder("T").time(T).build();
        assertTrue(format(base.withPrecision(TimestampPrecision.SECONDS), r).startsWith("<14>1 2020-05-07T16:27:40Z "));
        assertTrue(format(base.withPrecision(TimestampPrecision.MICROSECONDS), r)
                .startsWith("<14>1 2020-05-07T16:27:40.111000Z "));
        assertTrue(format(base.withTimeZone("+00:00"), r).startsWith("<14>1 2020-05-07T16:27:40.111+00:00 "));
        assertTrue(format(base.withTimeZone("-07:00"), r).startsWith("<14>1 2020-05-07T09:27:40.111-07:00 "));
        assertTrue(format(base.withTimeZone("Asia/Kolkata"), r).startsWith("<14>1 2020-05-07T21:57:40.111+05:30 "));
    }

    @Test
    void regionZoneFollowsDaylightSavingAcrossTransitions() {
        SyslogFormatter f = SyslogFormatter.create(FormatSettings.of(LogFormat.SD_SYSLOG, "fw")
                .withTimeZone("Europe/Copenhagen"));
        long winter = Instant.parse("2021-03-28T00:59:59Z").toEpochMilli();
        long summer = Instant.parse("2021-03-28T01:00:00Z").toEpochMilli();
        String a = new String(f.formatToArray(LogRecord.builder("T").time(winter).build()), StandardCharsets.UTF_8);
        String b = new String(f.formatToArray(LogRecord.builder("T").time(summer).build()), StandardCharsets.UTF_8);
        String c = new String(f.formatToArray(LogRecord.builder("T").time(winter).build()), StandardCharsets.UTF_8);
        assertTrue(a.startsWith("<14>1 2021-03-28T01:59:59.000+01:00 "), a);
        assertTrue(b.startsWith("<14>1 2021-03-28T03:00:00.000+02:00 "), b);
        assertEquals(a, c);
    }

    @Test
    void datesMatchJavaTimeOverCenturiesAndLeapDays() {
        SyslogFormatter f = SyslogFormatter.create(FormatSettings.of(LogFormat.SD_SYSLOG, "h"));
        java.util.Random random = new java.util.Random(42);
        for (int i = 0; i < 20000; i++) {
            long millis = (long) (random.nextDouble() * 8_000_000_000_000L) - 1_000_000_000_000L;
            String line = new String(f.formatToArray(LogRecord.builder("T").time(millis).build()),
                    StandardCharsets.US_ASCII);
            String expected = java.time.format.DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'")
                    .withZone(java.time.ZoneOffset.UTC).format(Instant.ofEpochMilli(millis));
            assertEquals(expected, line.substring(6, 6 + expected.length()));
        }
    }

    @Test
    void facilityAndSeveritySetThePri() {
        assertTrue(format(FormatSettings.of(LogFormat.SD_SYSLOG, "fw").withFacility(23),
                LogRecord.builder("T").time(T).severity(3).build()).startsWith("<187>1 "));
    }

    @Test
    void formatsIntoDirectBuffersToo() {
        SyslogFormatter f = SyslogFormatter.create(FormatSettings.of(LogFormat.SD_SYSLOG, "fw"));
        LogRecord r = close().build();
        ByteBuf direct = Unpooled.directBuffer(8);
        f.format(r, direct);
        ByteBuf heap = Unpooled.buffer(8);
        f.format(r, heap);
        assertEquals(heap, direct);
    }

    @Test
    void rejectsInvalidNamesAndSettings() {
        assertThrows(IllegalArgumentException.class, () -> LogRecord.builder("T").field("a b", "x"));
        assertThrows(IllegalArgumentException.class, () -> LogRecord.builder("T").field("a=b", "x"));
        assertThrows(IllegalArgumentException.class, () -> LogRecord.builder("T").field("x".repeat(33), "x"));
        assertThrows(IllegalArgumentException.class, () -> LogRecord.builder("bad tag"));
        assertThrows(IllegalArgumentException.class, () -> FormatSettings.of(LogFormat.SYSLOG, "my host"));
        assertThrows(IllegalArgumentException.class, () -> FormatSettings.of(LogFormat.SYSLOG, "h").withSdId("a]b"));
        assertThrows(IllegalArgumentException.class, () -> FormatSettings.of(LogFormat.SYSLOG, "h").withFacility(24));
        assertThrows(IllegalArgumentException.class, () -> FormatSettings.of(LogFormat.SYSLOG, "h").withTimeZone("Mars/Base"));
    }

    @Test
    void numbersAreWrittenAsLongToStringSpellsThem() {
        long[] samples = {0, 1, 9, 10, 99, 100, 101, 999, 1000, 65535, 4091, 1_000_000_000L, 4_294_967_295L,
            999_999_999_999_999_999L, 1_000_000_000_000_000_000L, Long.MAX_VALUE, -1, -9, -10, -100, -4091,
            Long.MIN_VALUE + 1, Long.MIN_VALUE};
        java.util.Random random = new java.util.Random(7);
        long[] all = java.util.Arrays.copyOf(samples, samples.length + 2000);
        for (int i = samples.length; i < all.length; i++) {
            all[i] = random.nextLong() >> random.nextInt(64);
        }
        long[] edges = {Integer.MAX_VALUE - 1L, Integer.MAX_VALUE, Integer.MAX_VALUE + 1L, Integer.MIN_VALUE,
            Integer.MIN_VALUE - 1L};
        for (long v : edges) {
            assertEquals(Long.toString(v), digits(v));
        }
        for (int i = 1; i < 19; i++) {
            long power = (long) Math.pow(10, i);
            assertEquals(Long.toString(power - 1), digits(power - 1));
            assertEquals(Long.toString(power), digits(power));
        }
        for (long v : all) {
            assertEquals(Long.toString(v), digits(v), "value " + v);
        }
    }

    /** The digits a formatter writes for a number field, read back from the wire. */
    private static String digits(long v) {
        String line = format(FormatSettings.of(LogFormat.SD_SYSLOG, "fw"), LogRecord.builder("T").time(T)
                .field("n", v).build());
        return line.substring(line.indexOf("n=\"") + 3, line.length() - 2);
    }

    @Test
    void numberAndTextFieldsGiveTheSameBytesInEveryFormat() {
        for (LogFormat f : LogFormat.values()) {
            LogRecord numbers = LogRecord.builder("T").time(T).field("a", 0).field("b", 443).field("c", Long.MAX_VALUE)
                    .build();
            LogRecord text = LogRecord.builder("T").time(T).field("a", "0").field("b", "443")
                    .field("c", Long.toString(Long.MAX_VALUE)).build();
            SyslogFormatter formatter = SyslogFormatter.create(FormatSettings.of(f, "fw"));
            assertEquals(new String(formatter.formatToArray(text), StandardCharsets.UTF_8),
                    new String(formatter.formatToArray(numbers), StandardCharsets.UTF_8), f.configName());
        }
    }

    @Test
    void sdSyslogNeverRendersALazyBody() {
        LogRecord r = close().lazyBody(rec -> {
            throw new AssertionError("body rendered for sd-syslog");
        }).build();
        SyslogFormatter sd = SyslogFormatter.create(FormatSettings.of(LogFormat.SD_SYSLOG, "fw"));
        assertTrue(new String(sd.formatToArray(r), StandardCharsets.UTF_8).endsWith("source-address=\"4.0.0.1\"]"));
    }

    @Test
    void lazyBodyIsWrittenLikeAGivenOne() {
        for (LogFormat f : new LogFormat[] {LogFormat.STRUCTURED_SYSLOG, LogFormat.SYSLOG}) {
            LogRecord lazy = close().lazyBody(rec -> "AppTrack session closed " + rec.value(0) + ": " + rec.value(1))
                    .build();
            LogRecord given = close().body("AppTrack session closed TCP FIN: 4.0.0.1").build();
            assertEquals(format(FormatSettings.of(f, "fw"), given), format(FormatSettings.of(f, "fw"), lazy));
        }
    }

    @Test
    void nullValuesAreWrittenAsNotApplicable() {
        assertEquals("N/A", LogRecord.builder("T").field("roles", (String) null).build().value("roles"));
    }
}

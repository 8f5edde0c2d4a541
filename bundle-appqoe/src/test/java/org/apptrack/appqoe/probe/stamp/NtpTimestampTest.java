package org.apptrack.appqoe.probe.stamp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class NtpTimestampTest {

    @Test
    void unixEpochIsNtpSecond2208988800() {
        assertEquals(2_208_988_800L << 32, NtpTimestamp.fromEpochNanos(0));
        assertEquals(0, NtpTimestamp.toEpochNanos(2_208_988_800L << 32));
    }

    @Test
    void halfASecondIsTheTopFractionBit() {
        long ntp = NtpTimestamp.fromEpochNanos(1_500_000_000L);
        assertEquals(2_208_988_801L, ntp >>> 32);
        assertEquals(0x8000_0000L, ntp & 0xFFFF_FFFFL);
    }

    @Test
    void knownDateHasTheNtpSecondsOfRfc5905() {
        // 2026-01-01T00:00:00Z: 1767225600 Unix seconds, 3976214400 NTP seconds.
        long nanos = Instant.parse("2026-01-01T00:00:00Z").getEpochSecond() * 1_000_000_000L;
        assertEquals(3_976_214_400L, NtpTimestamp.fromEpochNanos(nanos) >>> 32);
    }

    @Test
    void wallTimeSurvivesTheRoundTripToTheNanosecond() {
        long base = Instant.parse("2026-12-06T13:00:00Z").getEpochSecond() * 1_000_000_000L;
        for (long nanos = 0; nanos < 1_000_000_000L; nanos += 999_983) {
            long t = base + nanos;
            assertEquals(t, NtpTimestamp.toEpochNanos(NtpTimestamp.fromEpochNanos(t)), "at " + t);
        }
        long last = base + 999_999_999L;
        assertEquals(last, NtpTimestamp.toEpochNanos(NtpTimestamp.fromEpochNanos(last)));
    }

    @Test
    void laterTimeNeverGivesSmallerTimestamp() {
        long base = Instant.parse("2030-06-01T00:00:00Z").getEpochSecond() * 1_000_000_000L;
        long previous = NtpTimestamp.fromEpochNanos(base);
        for (int i = 1; i < 10_000; i++) {
            long ntp = NtpTimestamp.fromEpochNanos(base + i);
            assertTrue(Long.compareUnsigned(ntp, previous) > 0);
            previous = ntp;
        }
    }
}

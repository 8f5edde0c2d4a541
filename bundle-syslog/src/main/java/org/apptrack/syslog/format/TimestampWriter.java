package org.apptrack.syslog.format;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;

/**
 * Writes RFC 3339 (RFC 5424) and RFC 3164 timestamps without allocating. Civil dates come from
 * epoch days by arithmetic; the zone offset is cached until its next transition. One instance per
 * formatting thread (it keeps a cache).
 */
final class TimestampWriter {

    private static final byte[][] MONTHS = {
        "Jan".getBytes(), "Feb".getBytes(), "Mar".getBytes(), "Apr".getBytes(), "May".getBytes(),
        "Jun".getBytes(), "Jul".getBytes(), "Aug".getBytes(), "Sep".getBytes(), "Oct".getBytes(),
        "Nov".getBytes(), "Dec".getBytes(),
    };

    private final ZoneRules rules;
    private final boolean fixedOffset;
    private final boolean utcAsZ;
    private final int fractionDigits;

    private int offsetSeconds;
    private long offsetValidFromMillis = Long.MAX_VALUE;
    private long offsetValidToMillis = Long.MIN_VALUE;

    // Cache of the civil fields of the last local second written.
    private long cachedLocalSecond = Long.MIN_VALUE;
    private int year;
    private int month;
    private int day;
    private int hour;
    private int minute;
    private int second;

    TimestampWriter(ZoneId zone, boolean utcAsZ, TimestampPrecision precision) {
        this.rules = zone.getRules();
        this.fixedOffset = rules.isFixedOffset();
        this.utcAsZ = utcAsZ && zone.equals(ZoneOffset.UTC);
        this.fractionDigits = precision.digits();
        if (fixedOffset) {
            offsetSeconds = rules.getOffset(Instant.EPOCH).getTotalSeconds();
        }
    }

    /** Longest RFC 3339 timestamp written: {@code 2020-05-07T16:27:40.111000+05:30}. */
    static int maxRfc3339Bytes() {
        return 32;
    }

    /** {@code YYYY-MM-DDThh:mm:ss[.fff|.ffffff](Z|+hh:mm)}. */
    int writeRfc3339(long epochMillis, byte[] dst, int pos) {
        int offset = offsetAt(epochMillis);
        long localMillis = epochMillis + offset * 1000L;
        civil(Math.floorDiv(localMillis, 1000L));
        int p = WireText.writePadded(year, 4, dst, pos);
        dst[p++] = '-';
        p = WireText.writePadded(month, 2, dst, p);
        dst[p++] = '-';
        p = WireText.writePadded(day, 2, dst, p);
        dst[p++] = 'T';
        p = writeTime(dst, p);
        if (fractionDigits > 0) {
            dst[p++] = '.';
            int millis = (int) Math.floorMod(localMillis, 1000L);
            p = WireText.writePadded(millis, 3, dst, p);
            for (int i = 3; i < fractionDigits; i++) {
                dst[p++] = '0';
            }
        }
        if (offset == 0 && utcAsZ) {
            dst[p++] = 'Z';
        } else {
            int abs = Math.abs(offset);
            dst[p++] = (byte) (offset < 0 ? '-' : '+');
            p = WireText.writePadded(abs / 3600, 2, dst, p);
            dst[p++] = ':';
            p = WireText.writePadded((abs / 60) % 60, 2, dst, p);
        }
        return p;
    }

    /** {@code Mmm dd hh:mm:ss}, day of month space-padded, in the zone's local time (RFC 3164). */
    int writeRfc3164(long epochMillis, byte[] dst, int pos) {
        long localMillis = epochMillis + offsetAt(epochMillis) * 1000L;
        civil(Math.floorDiv(localMillis, 1000L));
        byte[] name = MONTHS[month - 1];
        int p = pos;
        dst[p++] = name[0];
        dst[p++] = name[1];
        dst[p++] = name[2];
        dst[p++] = ' ';
        dst[p++] = (byte) (day < 10 ? ' ' : '0' + day / 10);
        dst[p++] = (byte) ('0' + day % 10);
        dst[p++] = ' ';
        return writeTime(dst, p);
    }

    private int writeTime(byte[] dst, int pos) {
        int p = WireText.writePadded(hour, 2, dst, pos);
        dst[p++] = ':';
        p = WireText.writePadded(minute, 2, dst, p);
        dst[p++] = ':';
        return WireText.writePadded(second, 2, dst, p);
    }

    private int offsetAt(long epochMillis) {
        if (fixedOffset || (epochMillis >= offsetValidFromMillis && epochMillis < offsetValidToMillis)) {
            return offsetSeconds;
        }
        // Region zone outside the cached window: look up once per offset change (allocates here only).
        Instant instant = Instant.ofEpochMilli(epochMillis);
        offsetSeconds = rules.getOffset(instant).getTotalSeconds();
        ZoneOffsetTransition previous = rules.previousTransition(instant.plusMillis(1));
        ZoneOffsetTransition next = rules.nextTransition(instant);
        offsetValidFromMillis = previous == null ? Long.MIN_VALUE : previous.toEpochSecond() * 1000L;
        offsetValidToMillis = next == null ? Long.MAX_VALUE : next.toEpochSecond() * 1000L;
        return offsetSeconds;
    }

    /** Fills the civil fields for a local epoch second (Howard Hinnant's days-to-civil algorithm). */
    private void civil(long localSecond) {
        if (localSecond == cachedLocalSecond) {
            return;
        }
        cachedLocalSecond = localSecond;
        long days = Math.floorDiv(localSecond, 86400L);
        int secondOfDay = (int) Math.floorMod(localSecond, 86400L);
        hour = secondOfDay / 3600;
        minute = (secondOfDay / 60) % 60;
        second = secondOfDay % 60;
        long z = days + 719468;
        long era = Math.floorDiv(z, 146097);
        long doe = z - era * 146097;
        long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
        long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        long mp = (5 * doy + 2) / 153;
        day = (int) (doy - (153 * mp + 2) / 5 + 1);
        month = (int) (mp < 10 ? mp + 3 : mp - 9);
        year = (int) (yoe + era * 400 + (month <= 2 ? 1 : 0));
    }
}

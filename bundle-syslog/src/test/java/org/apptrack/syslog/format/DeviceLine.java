package org.apptrack.syslog.format;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apptrack.syslog.api.LogRecord;

/**
 * Test helper: splits a device's syslog line into its header and fields, and rebuilds it as the
 * {@link LogRecord} plus {@link FormatSettings} that must reproduce it byte for byte.
 */
final class DeviceLine {

    private static final Pattern RFC5424 = Pattern.compile(
            "<(\\d{1,3})>1 (\\S+) (\\S+) (\\S+) (\\S+) (\\S+) \\[(\\S+)((?: [^=\\s]+=\"(?:[^\"\\\\]|\\\\.)*\")*)\\]( (.*))?");
    private static final Pattern RFC3164 = Pattern.compile(
            "<(\\d{1,3})>([A-Z][a-z]{2} [ \\d]\\d \\d\\d:\\d\\d:\\d\\d) (\\S+) (\\S+): (\\S+): (.*)");
    private static final Pattern PARAM = Pattern.compile(" ([^=\\s]+)=\"((?:[^\"\\\\]|\\\\.)*)\"");
    private static final Pattern TIME = Pattern.compile("(.{19})(\\.(\\d+))?(Z|[+-]\\d\\d:\\d\\d)");

    final LogRecord record;
    final FormatSettings settings;

    private DeviceLine(LogRecord record, FormatSettings settings) {
        this.record = record;
        this.settings = settings;
    }

    static DeviceLine parse(String line) {
        Matcher m = RFC5424.matcher(line);
        if (m.matches()) {
            int pri = Integer.parseInt(m.group(1));
            Matcher t = TIME.matcher(m.group(2));
            if (!t.matches()) {
                throw new IllegalArgumentException("timestamp without a valid offset: " + m.group(2));
            }
            String fraction = t.group(3);
            TimestampPrecision precision = fraction == null ? TimestampPrecision.SECONDS
                    : fraction.length() == 3 ? TimestampPrecision.MILLISECONDS : TimestampPrecision.MICROSECONDS;
            OffsetDateTime time = OffsetDateTime.parse(m.group(2), DateTimeFormatter.ISO_OFFSET_DATE_TIME);
            String body = m.group(10);
            LogFormat format = body != null ? LogFormat.STRUCTURED_SYSLOG : LogFormat.SD_SYSLOG;
            FormatSettings settings = FormatSettings.of(format, m.group(3))
                    .withFacility(pri / 8).withSdId(m.group(7)).withTimeZone(t.group(4)).withPrecision(precision);
            String tag = m.group(6);
            LogRecord.Builder b = LogRecord.builder(tag.endsWith("_LS") ? tag.substring(0, tag.length() - 3) : tag)
                    .appName(m.group(4)).severity(pri % 8).time(time.toInstant().toEpochMilli()).body(body);
            Matcher p = PARAM.matcher(m.group(8));
            boolean first = true;
            while (p.find()) {
                String name = p.group(1);
                String value = unescape(p.group(2));
                if (first && tag.endsWith("_LS") && name.equals(LogRecord.LOGICAL_SYSTEM_FIELD)) {
                    b.logicalSystem(value);
                } else {
                    b.field(name, value);
                }
                first = false;
            }
            return new DeviceLine(b.build(), settings);
        }
        m = RFC3164.matcher(line);
        if (m.matches()) {
            int pri = Integer.parseInt(m.group(1));
            // RFC 3164 has no year: any year reproduces the line.
            LocalDateTime local = LocalDateTime.parse("2022 " + m.group(2),
                    DateTimeFormatter.ofPattern("yyyy MMM ppd HH:mm:ss", Locale.ENGLISH));
            FormatSettings settings = FormatSettings.of(LogFormat.SYSLOG, m.group(3)).withFacility(pri / 8);
            LogRecord record = LogRecord.builder(m.group(5)).appName(m.group(4)).severity(pri % 8)
                    .time(local.toInstant(ZoneOffset.UTC).toEpochMilli()).body(m.group(6)).build();
            return new DeviceLine(record, settings);
        }
        throw new IllegalArgumentException("not an RFC 5424 or SRX plain syslog line: " + line);
    }

    private static String unescape(String v) {
        StringBuilder sb = new StringBuilder(v.length());
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c == '\\' && i + 1 < v.length() && "\"\\]".indexOf(v.charAt(i + 1)) >= 0) {
                c = v.charAt(++i);
            }
            sb.append(c);
        }
        return sb.toString();
    }
}

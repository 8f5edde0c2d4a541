package org.apptrack.syslog.format;

import java.nio.charset.StandardCharsets;
import org.apptrack.syslog.api.LogRecord;

/**
 * Plain syslog as an SRX stream in {@code syslog} format sends it (RFC 3164 style):
 * {@code <14>Apr  8 10:57:14 HOST RT_FLOW: APPTRACK_SESSION_CREATE: AppTrack session created ...}.
 * A record without a body gets its fields as {@code name="value"} pairs, so nothing is lost.
 */
final class Rfc3164Formatter extends SyslogFormatter {

    private final byte[][] pri;
    private final byte[] hostPart;
    private final TimestampWriter timestamps;

    Rfc3164Formatter(FormatSettings settings) {
        this.pri = priPrefixes(settings.facility());
        this.hostPart = (' ' + settings.hostname() + ' ').getBytes(StandardCharsets.US_ASCII);
        this.timestamps = new TimestampWriter(settings.zone(), false, TimestampPrecision.SECONDS);
    }

    @Override
    public int maxBytes(LogRecord r) {
        int n = 5 + 15 + hostPart.length + r.appName().length() + 2 + r.tag().length() + 5;
        String body = r.body();
        if (body != null) {
            return n + WireText.maxBytes(body);
        }
        return n + maxParamsBytes(r);
    }

    @Override
    public int format(LogRecord r, byte[] dst, int pos) {
        int p = writeBytes(pri[r.severity()], dst, pos);
        p = timestamps.writeRfc3164(r.timeMillis(), dst, p);
        p = writeBytes(hostPart, dst, p);
        p = WireText.writeAscii(r.appName(), dst, p);
        dst[p++] = ':';
        dst[p++] = ' ';
        p = WireText.writeAscii(r.tag(), dst, p);
        if (r.isLogicalSystemRecord()) {
            dst[p++] = '_';
            dst[p++] = 'L';
            dst[p++] = 'S';
        }
        dst[p++] = ':';
        String body = r.body();
        if (body != null) {
            dst[p++] = ' ';
            return WireText.writeText(body, dst, p);
        }
        return writeParams(r, dst, p);
    }
}

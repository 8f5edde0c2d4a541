package org.apptrack.syslog.format;

import java.nio.charset.StandardCharsets;
import org.apptrack.syslog.api.LogRecord;

/**
 * RFC 5424 with one SD-ELEMENT, as an SRX writes its structured logs:
 * {@code <14>1 2020-05-07T16:27:40.111Z HOST RT_FLOW - TAG [junos@2636.1.1.1.2.129 name="value" ...]},
 * followed by a space and the text body in the non-brief ({@code structured-syslog}) form.
 */
final class Rfc5424Formatter extends SyslogFormatter {

    private final byte[][] pri;
    private final byte[] hostPart;
    private final byte[] sdIdPart;
    private final boolean withBody;
    private final TimestampWriter timestamps;
    private final ParamCache params = new ParamCache();

    Rfc5424Formatter(FormatSettings settings, boolean withBody) {
        this.pri = priPrefixes(settings.facility());
        this.hostPart = (' ' + settings.hostname() + ' ').getBytes(StandardCharsets.US_ASCII);
        this.sdIdPart = ('[' + settings.sdId()).getBytes(StandardCharsets.US_ASCII);
        this.withBody = withBody;
        this.timestamps = new TimestampWriter(settings.zone(), settings.utcAsZ(), settings.precision());
    }

    @Override
    public int maxBytes(LogRecord r) {
        int n = 8 + TimestampWriter.maxRfc3339Bytes() + hostPart.length + r.appName().length() + 4
                + r.tag().length() + 3 + sdIdPart.length + 2;
        n += maxParamsBytes(r);
        if (withBody) {
            n += 1 + WireText.maxBytes(r.body());
        }
        return n;
    }

    @Override
    public int format(LogRecord r, byte[] dst, int pos) {
        int p = writeBytes(pri[r.severity()], dst, pos);
        dst[p++] = '1';
        dst[p++] = ' ';
        p = timestamps.writeRfc3339(r.timeMillis(), dst, p);
        p = writeBytes(hostPart, dst, p);
        p = WireText.writeAscii(r.appName(), dst, p);
        dst[p++] = ' ';
        dst[p++] = '-';
        dst[p++] = ' ';
        p = WireText.writeAscii(r.tag(), dst, p);
        if (r.isLogicalSystemRecord()) {
            dst[p++] = '_';
            dst[p++] = 'L';
            dst[p++] = 'S';
        }
        dst[p++] = ' ';
        p = writeBytes(sdIdPart, dst, p);
        p = params.writeParams(r, dst, p);
        dst[p++] = ']';
        if (withBody) {
            String body = r.body(); // sd-syslog never asks: a lazy body stays unrendered
            if (body != null) {
                dst[p++] = ' ';
                p = WireText.writeText(body, dst, p);
            }
        }
        return p;
    }
}

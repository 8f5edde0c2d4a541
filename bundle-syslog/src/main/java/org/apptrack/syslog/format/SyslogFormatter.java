package org.apptrack.syslog.format;

import io.netty.buffer.ByteBuf;
import org.apptrack.syslog.api.LogRecord;

/**
 * Encodes a {@link LogRecord} into the bytes of one syslog message (without transport framing).
 * Allocation-free once warm: it writes straight into the caller's buffer. Not thread-safe: each
 * stream's sending thread owns one.
 */
public abstract class SyslogFormatter {

    private byte[] scratch = new byte[4096];

    /** A formatter for the settings' format. */
    public static SyslogFormatter create(FormatSettings settings) {
        switch (settings.format()) {
            case SD_SYSLOG:
                return new Rfc5424Formatter(settings, false);
            case STRUCTURED_SYSLOG:
                return new Rfc5424Formatter(settings, true);
            case SYSLOG:
                return new Rfc3164Formatter(settings);
            default:
                throw new IllegalArgumentException("unsupported format " + settings.format());
        }
    }

    /** An upper bound of the bytes {@link #format(LogRecord, byte[], int)} writes for the record. */
    public abstract int maxBytes(LogRecord record);

    /**
     * Writes the message at {@code pos}; the array must have {@link #maxBytes(LogRecord)} bytes free.
     *
     * @return the position after the last byte written
     */
    public abstract int format(LogRecord record, byte[] dst, int pos);

    /** Appends the message to a Netty buffer, writing into its array directly when it has one. */
    public final void format(LogRecord record, ByteBuf out) {
        int max = maxBytes(record);
        if (out.hasArray()) {
            out.ensureWritable(max);
            int start = out.arrayOffset() + out.writerIndex();
            int end = format(record, out.array(), start);
            out.writerIndex(out.writerIndex() + (end - start));
        } else {
            if (scratch.length < max) {
                scratch = new byte[Math.max(max, scratch.length * 2)];
            }
            int end = format(record, scratch, 0);
            out.writeBytes(scratch, 0, end);
        }
    }

    /** Formats into a new array; for tests and tools, not for the sending path. */
    public final byte[] formatToArray(LogRecord record) {
        byte[] buf = new byte[maxBytes(record)];
        int end = format(record, buf, 0);
        return java.util.Arrays.copyOf(buf, end);
    }

    /** {@code <PRI>} for each severity, pre-encoded. */
    static byte[][] priPrefixes(int facility) {
        byte[][] prefixes = new byte[8][];
        for (int severity = 0; severity < 8; severity++) {
            prefixes[severity] = ("<" + (facility * 8 + severity) + ">").getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        }
        return prefixes;
    }

    /** An upper bound of the bytes {@link #writeParamValue} writes for field {@code i}. */
    static int maxParamValueBytes(LogRecord r, int i) {
        return r.isNumber(i) ? WireText.MAX_DECIMAL_BYTES : WireText.maxBytes(r.value(i));
    }

    /** Field {@code i}'s PARAM-VALUE, escaped; a number's digits written directly. */
    static int writeParamValue(LogRecord r, int i, byte[] dst, int pos) {
        return r.isNumber(i) ? WireText.writeDecimal(r.number(i), dst, pos) : WireText.writeParamValue(r.value(i), dst, pos);
    }

    /** {@code name="value"} pairs, each after a space. */
    static int writeParams(LogRecord r, byte[] dst, int pos) {
        int p = pos;
        for (int i = 0, count = r.fieldCount(); i < count; i++) {
            dst[p++] = ' ';
            p = WireText.writeAscii(r.name(i), dst, p);
            dst[p++] = '=';
            dst[p++] = '"';
            p = writeParamValue(r, i, dst, p);
            dst[p++] = '"';
        }
        return p;
    }

    /** An upper bound of what {@link #writeParams} writes. */
    static int maxParamsBytes(LogRecord r) {
        int n = 0;
        for (int i = 0, count = r.fieldCount(); i < count; i++) {
            n += r.name(i).length() + 4 + maxParamValueBytes(r, i);
        }
        return n;
    }

    static int writeBytes(byte[] src, byte[] dst, int pos) {
        System.arraycopy(src, 0, dst, pos, src.length);
        return pos + src.length;
    }
}

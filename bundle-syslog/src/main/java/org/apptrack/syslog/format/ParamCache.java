package org.apptrack.syslog.format;

import org.apptrack.syslog.api.LogRecord;

/**
 * The wire bytes of the last {@code  name="value"} written for each field of each message type
 * ({@link LogRecord#fieldNames()}), so that a value seen again (the same String instance, or the
 * same number) is copied in one go instead of encoded and escaped character by character. Most
 * AppTrack values repeat from record to record ({@code N/A}, zones, policy, service, 0 counters);
 * addresses, ports and ids do not and are written as before.
 *
 * <p>Allocation-free once warm: a field's buffer grows only when a longer parameter comes.
 * Belongs to one formatter, so not thread-safe.
 */
final class ParamCache {

    /** Message types remembered; AppTrack has 4, twice with {@code _LS}. */
    private static final int TYPES = 16;

    private final LogRecord.FieldNames[] types = new LogRecord.FieldNames[TYPES];
    private final TypeParams[] params = new TypeParams[TYPES];
    private int nextSlot;

    /** Writes the record's parameters, each after a space, as {@link SyslogFormatter#writeParams}. */
    int writeParams(LogRecord r, byte[] dst, int pos) {
        LogRecord.FieldNames names = r.fieldNames();
        if (names == null) {
            return SyslogFormatter.writeParams(r, dst, pos);
        }
        return forType(names).write(r, dst, pos);
    }

    private TypeParams forType(LogRecord.FieldNames names) {
        for (int i = 0; i < TYPES; i++) {
            if (types[i] == names) {
                return params[i];
            }
        }
        int slot = nextSlot;
        nextSlot = (slot + 1) % TYPES;
        types[slot] = names;
        params[slot] = new TypeParams(names.size());
        return params[slot];
    }

    /** Per field of one message type: the last value written and its bytes. */
    private static final class TypeParams {
        /** The String last written (compared by identity), or null when it was a number or none. */
        private final String[] lastText;
        private final long[] lastNumber;
        private final boolean[] lastWasNumber;
        private final byte[][] bytes;
        private final int[] lengths;

        TypeParams(int fields) {
            lastText = new String[fields];
            lastNumber = new long[fields];
            lastWasNumber = new boolean[fields];
            bytes = new byte[fields][];
            lengths = new int[fields];
        }

        int write(LogRecord r, byte[] dst, int pos) {
            int p = pos;
            for (int i = 0, count = r.fieldCount(); i < count; i++) {
                boolean number = r.isNumber(i);
                if (number ? lastWasNumber[i] && lastNumber[i] == r.number(i) : lastText[i] == r.value(i)) {
                    int length = lengths[i];
                    System.arraycopy(bytes[i], 0, dst, p, length);
                    p += length;
                    continue;
                }
                int start = p;
                dst[p++] = ' ';
                p = WireText.writeAscii(r.name(i), dst, p);
                dst[p++] = '=';
                dst[p++] = '"';
                p = SyslogFormatter.writeParamValue(r, i, dst, p);
                dst[p++] = '"';
                remember(r, i, number, dst, start, p - start);
            }
            return p;
        }

        private void remember(LogRecord r, int i, boolean number, byte[] src, int start, int length) {
            byte[] b = bytes[i];
            if (b == null || b.length < length) {
                b = new byte[Math.max(length, 48)];
                bytes[i] = b;
            }
            System.arraycopy(src, start, b, 0, length);
            lengths[i] = length;
            lastWasNumber[i] = number;
            lastText[i] = number ? null : r.value(i);
            lastNumber[i] = number ? r.number(i) : 0;
        }
    }
}

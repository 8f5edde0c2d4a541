package org.apptrack.syslog.format;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.apptrack.syslog.api.LogRecord;
import org.junit.jupiter.api.Test;

/**
 * A formatter that has written many records (its parameter cache warm, stale, evicted) writes
 * each record exactly as a new formatter does.
 */
class ParamCacheTest {

    private static final String[] TEXTS = {"N/A", "", "trust", "a\"b\\c]d", "evil\r\nline", "Zürich €😀",
        "default-policy-logical-system-00", "x".repeat(200)};

    @Test
    void aWarmFormatterWritesWhatAFreshOneWrites() {
        Random random = new Random(5424);
        LogRecord.FieldNames[] types = new LogRecord.FieldNames[20]; // more than the cache keeps
        for (int t = 0; t < types.length; t++) {
            types[t] = LogRecord.FieldNames.of("reason", "source-port", "policy-name", "t" + t, "bytes");
        }
        // Strings that are equal but not the same instance must be written from their own text.
        String[] texts = new String[TEXTS.length * 2];
        for (int i = 0; i < TEXTS.length; i++) {
            texts[i] = TEXTS[i];
            texts[TEXTS.length + i] = new String(TEXTS[i].toCharArray());
        }
        for (LogFormat format : LogFormat.values()) {
            FormatSettings settings = FormatSettings.of(format, "fw");
            SyslogFormatter warm = SyslogFormatter.create(settings);
            for (int i = 0; i < 20000; i++) {
                LogRecord.FieldNames type = types[random.nextInt(random.nextBoolean() ? 3 : types.length)];
                LogRecord.Builder b = random.nextInt(10) == 0
                        ? LogRecord.builder("T") : LogRecord.builder("T", type);
                if (random.nextInt(8) == 0) {
                    b.logicalSystem("LSYS" + random.nextInt(2));
                }
                for (int f = 0; f < type.size(); f++) {
                    if (random.nextBoolean()) {
                        b.field(type.name(f), random.nextInt(4) == 0 ? random.nextLong() : random.nextInt(3));
                    } else {
                        b.field(type.name(f), texts[random.nextInt(texts.length)]);
                    }
                }
                if (random.nextInt(20) == 0) {
                    b.field("extra", "y");
                }
                LogRecord r = b.time(1588868860111L).lazyBody(rec -> "body " + rec.value(0)).build();
                String expected = new String(SyslogFormatter.create(settings).formatToArray(r),
                        StandardCharsets.UTF_8);
                byte[] buf = new byte[warm.maxBytes(r)];
                int end = warm.format(r, buf, 0);
                assertEquals(expected, new String(buf, 0, end, StandardCharsets.UTF_8), format + " record " + i);
            }
        }
    }
}

package org.apptrack.syslog.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class LogRecordTest {

    private static final LogRecord.FieldNames NAMES = LogRecord.FieldNames.of("reason", "source-port", "application");

    @Test
    void numberFieldsReadAsTheirDigits() {
        LogRecord r = LogRecord.builder("T").field("a", 0).field("b", Long.MAX_VALUE).field("c", Long.MIN_VALUE)
                .field("d", "text").build();
        assertTrue(r.isNumber(0));
        assertEquals(Long.MAX_VALUE, r.number(1));
        assertEquals("0", r.value(0));
        assertEquals(Long.toString(Long.MAX_VALUE), r.value("b"));
        assertEquals(Long.toString(Long.MIN_VALUE), r.value(2));
        assertFalse(r.isNumber(3));
        assertThrows(IllegalStateException.class, () -> r.number(3));
    }

    @Test
    void aNumberEqualsItsDigitsGivenAsText() {
        LogRecord number = LogRecord.builder("T").time(1).field("a", 42).build();
        LogRecord text = LogRecord.builder("T").time(1).field("a", "42").build();
        assertEquals(text, number);
        assertEquals(text.hashCode(), number.hashCode());
        assertEquals(text.toString(), number.toString());
        assertNotEquals(text, LogRecord.builder("T").time(1).field("a", 43).build());
    }

    @Test
    void fieldNamesAreValidatedOnce() {
        assertThrows(IllegalArgumentException.class, () -> LogRecord.FieldNames.of("ok", "not ok"));
        assertEquals(3, NAMES.size());
        assertEquals("source-port", NAMES.name(1));
    }

    @Test
    void recordsFromFieldNamesEqualRecordsBuiltNameByName() {
        LogRecord fast = LogRecord.builder("T", NAMES).time(5).field("reason", "TCP FIN").field("source-port", 80)
                .field("application", null).build();
        LogRecord plain = LogRecord.builder("T").time(5).field("reason", "TCP FIN").field("source-port", 80)
                .field("application", null).build();
        assertEquals(plain, fast);
        assertEquals("N/A", fast.value(2));
    }

    @Test
    void recordsTellWhichFieldNamesTheyShare() {
        assertSame(NAMES, LogRecord.builder("T", NAMES).field("reason", "x").field("source-port", 1)
                .field("application", "y").build().fieldNames());
        LogRecord ls = LogRecord.builder("T", NAMES).logicalSystem("L").field("reason", "x").field("source-port", 1)
                .field("application", "y").build();
        assertEquals(LogRecord.LOGICAL_SYSTEM_FIELD, ls.fieldNames().name(0));
        assertEquals(4, ls.fieldNames().size());
        assertNull(LogRecord.builder("T", NAMES).field("reason", "x").build().fieldNames(), "fewer fields");
        assertNull(LogRecord.builder("T", NAMES).field("other", "x").field("source-port", 1)
                .field("application", "y").build().fieldNames(), "another name");
        assertNull(LogRecord.builder("T").field("reason", "x").build().fieldNames());
    }

    @Test
    void aNameOtherThanTheExpectedOneIsValidatedAndKept() {
        LogRecord r = LogRecord.builder("T", NAMES).field("reason", "x").field("other", "y").field("third", 3)
                .field("fourth", 4).build();
        assertEquals("other", r.name(1));
        assertEquals("fourth", r.name(3));
        assertEquals(4, r.fieldCount());
        assertThrows(IllegalArgumentException.class, () -> LogRecord.builder("T", NAMES).field("bad name", "x"));
        // the FieldNames themselves are untouched
        assertEquals("source-port", NAMES.name(1));
    }

    @Test
    void logicalSystemGoesFirstWithFieldNamesToo() {
        LogRecord r = LogRecord.builder("T", NAMES).logicalSystem("LSYS1").field("reason", "x")
                .field("source-port", 1).field("application", "HTTP").build();
        assertEquals("T_LS", r.wireTag());
        assertEquals(4, r.fieldCount());
        assertEquals(LogRecord.LOGICAL_SYSTEM_FIELD, r.name(0));
        assertEquals("LSYS1", r.value(0));
        assertEquals("HTTP", r.value(3));
        LogRecord late = LogRecord.builder("T", NAMES).field("reason", "x").logicalSystem("LSYS2").build();
        assertEquals(LogRecord.LOGICAL_SYSTEM_FIELD, late.name(0));
        assertEquals("reason", late.name(1));
        assertEquals("source-port", NAMES.name(1));
        assertEquals(3, NAMES.size());
    }

    @Test
    void aBuilderUsedAgainAfterBuildDoesNotChangeTheRecord() {
        LogRecord.Builder b = LogRecord.builder("T", NAMES).field("reason", "x").field("source-port", 1)
                .field("application", "HTTP");
        LogRecord first = b.build();
        b.logicalSystem("LSYS1");
        b.field("extra", "y");
        LogRecord second = b.build();
        assertEquals(3, first.fieldCount());
        assertEquals("x", first.value(0));
        assertEquals("HTTP", first.value(2));
        assertEquals(5, second.fieldCount());
        assertEquals("LSYS1", second.value(0));
    }

    @Test
    void lazyBodyIsRenderedOnFirstUseOnly() {
        AtomicInteger renders = new AtomicInteger();
        LogRecord r = LogRecord.builder("T").field("a", 7)
                .lazyBody(rec -> {
                    renders.incrementAndGet();
                    return "body " + rec.value(0);
                })
                .build();
        assertEquals(0, renders.get());
        assertEquals("body 7", r.body());
        assertSame(r.body(), r.body());
        assertEquals(1, renders.get());
    }

    @Test
    void bodyAndLazyBodyReplaceEachOther() {
        assertEquals("text", LogRecord.builder("T").lazyBody(r -> "lazy").body("text").build().body());
        assertEquals("lazy", LogRecord.builder("T").body("text").lazyBody(r -> "lazy").build().body());
        assertNull(LogRecord.builder("T").build().body());
        assertEquals(LogRecord.builder("T").time(1).body("x").build(),
                LogRecord.builder("T").time(1).lazyBody(r -> "x").build());
    }
}

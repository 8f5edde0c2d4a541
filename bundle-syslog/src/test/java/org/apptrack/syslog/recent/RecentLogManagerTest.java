package org.apptrack.syslog.recent;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.apptrack.syslog.api.LogRecord;
import org.apptrack.syslog.api.LogRecord.FieldNames;
import org.apptrack.syslog.api.RecentLogService;
import org.apptrack.syslog.testing.RecordingSecurityLog;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The memory behind the dashboard's last messages and session view, fed through a real security log. */
class RecentLogManagerTest {

    private static final FieldNames CREATE = FieldNames.of("source-address", "source-port", "session-id-32",
            "username");
    private static final FieldNames CLOSE = FieldNames.of("reason", "source-address", "source-port",
            "session-id-32", "username");

    private final RecordingSecurityLog securityLog = new RecordingSecurityLog();
    private final RecentLogManager manager = new RecentLogManager(securityLog);
    private final AtomicLong clock = new AtomicLong(1_000_000);

    @BeforeEach
    void activate() {
        manager.activate();
    }

    @AfterEach
    void deactivate() {
        manager.deactivate();
    }

    @Test
    void recentRecordsAreNewestFirstAndLimited() {
        LogRecord a = log(create(1));
        LogRecord b = log(update(2));
        LogRecord c = log(close(1, "TCP FIN"));
        assertEquals(List.of(c, b, a), manager.recent(10));
        assertEquals(List.of(c, b), manager.recent(2));
        assertEquals(List.of(), manager.recent(0));
        assertEquals(List.of(), manager.recent(-5));
    }

    @Test
    void onlyTheLastTwoHundredRecordsAreKept() {
        List<LogRecord> logged = new ArrayList<>();
        for (int i = 0; i < RecentLogService.RECENT_RECORDS + 57; i++) {
            logged.add(log(update(i + 1)));
        }
        List<LogRecord> recent = manager.recent(Integer.MAX_VALUE);
        assertEquals(RecentLogService.RECENT_RECORDS, recent.size());
        assertSame(logged.get(logged.size() - 1), recent.get(0));
        assertSame(logged.get(57), recent.get(recent.size() - 1));
    }

    @Test
    void aSessionsRecordsAreOldestFirstAndOnlyItsOwn() {
        LogRecord create = log(create(7));
        log(create(8));
        LogRecord update = log(update(7));
        log(update(8));
        LogRecord close = log(close(7, "idle Timeout"));
        assertEquals(List.of(create, update, close), manager.forSession(7));
        assertEquals("idle Timeout", manager.forSession(7).get(2).value("reason"));
        assertEquals(2, manager.forSession(8).size());
        assertEquals(List.of(), manager.forSession(9));
    }

    @Test
    void aSessionKeepsItsFirstRecordAndItsNewestOnes() {
        List<LogRecord> logged = new ArrayList<>();
        logged.add(log(create(5)));
        for (int i = 0; i < 60; i++) {
            logged.add(log(update(5)));
        }
        logged.add(log(close(5, "TCP FIN")));
        List<LogRecord> kept = manager.forSession(5);
        assertEquals(RecentLogService.RECORDS_PER_SESSION, kept.size());
        assertSame(logged.get(0), kept.get(0));
        assertEquals(logged.subList(logged.size() - (RecentLogService.RECORDS_PER_SESSION - 1), logged.size()),
                kept.subList(1, kept.size()));
    }

    @Test
    void theLeastRecentlyLoggedSessionMakesRoomForANewOne() {
        for (long id = 1; id <= RecentLogService.SESSIONS; id++) {
            log(create(id));
        }
        log(update(1)); // session 1 logged again: session 2 is now the least recently logged
        LogRecord created = log(create(RecentLogService.SESSIONS + 1));
        assertEquals(List.of(), manager.forSession(2));
        assertEquals(2, manager.forSession(1).size());
        assertEquals(1, manager.forSession(3).size());
        assertEquals(List.of(created), manager.forSession(RecentLogService.SESSIONS + 1));

        log(create(RecentLogService.SESSIONS + 2));
        assertEquals(List.of(), manager.forSession(3), "then session 3");
        assertEquals(2, manager.forSession(1).size());
    }

    @Test
    void sessionsAreEvictedInTheOrderTheyLastLogged() {
        RecentRecords small = new RecentRecords(10, 3, 4);
        small.add(create(1));
        small.add(create(2));
        small.add(create(3));
        small.add(update(1));
        small.add(update(2));
        assertArrayEquals(new long[] {3, 1, 2}, small.sessionIds());
        small.add(create(4));
        assertArrayEquals(new long[] {1, 2, 4}, small.sessionIds());
        assertEquals(List.of(), small.forSession(3));
        small.add(create(5));
        small.add(create(6));
        assertArrayEquals(new long[] {4, 5, 6}, small.sessionIds());
        // 5 and 6 took the memory of 1 and 2, which held two records each
        assertEquals(1, small.forSession(5).size(), "a reused session's memory holds none of the evicted one's records");
        assertEquals(1, small.forSession(6).size());
    }

    @Test
    void recordsWithoutASessionIdAreRecentButOfNoSession() {
        LogRecord test = log(LogRecord.builder("APPTRACK_LOG_TEST").field("message", "hello").build());
        LogRecord notApplicable = log(LogRecord.builder("APPQOE_SLA_METRIC_VIOLATION")
                .field("session-id-32", "N/A").build());
        LogRecord zero = log(LogRecord.builder("APPQOE_BEST_PATH_SELECTED").field("session-id-32", 0L).build());
        assertEquals(List.of(zero, notApplicable, test), manager.recent(10));
        assertEquals(List.of(), manager.forSession(0));
    }

    @Test
    void aSessionIdGivenAsTextCounts() {
        LogRecord r = log(LogRecord.builder("APPTRACK_SESSION_CREATE").field("session-id-32", "42").build());
        assertEquals(List.of(r), manager.forSession(42));
        LogRecord big = log(LogRecord.builder("APPTRACK_SESSION_CREATE").field("session-id-32", 4294967295L).build());
        assertEquals(List.of(big), manager.forSession(4294967295L));
    }

    @Test
    void logicalSystemRecordsFindTheSessionIdAfterTheLogicalSystemName() {
        LogRecord create = log(LogRecord.builder("APPTRACK_SESSION_CREATE", CREATE).logicalSystem("LSYS1")
                .field("source-address", "10.0.0.1").field("source-port", 1234L).field("session-id-32", 77L)
                .field("username", "N/A").time(clock.getAndIncrement()).build());
        LogRecord close = log(LogRecord.builder("APPTRACK_SESSION_CLOSE", CLOSE).logicalSystem("LSYS1")
                .field("reason", "TCP FIN").field("source-address", "10.0.0.1").field("source-port", 1234L)
                .field("session-id-32", 77L).field("username", "N/A").time(clock.getAndIncrement()).build());
        assertEquals("APPTRACK_SESSION_CLOSE_LS", close.wireTag());
        assertEquals("logical-system-name", close.name(0));
        assertEquals(List.of(create, close), manager.forSession(77));
    }

    @Test
    void aNewCreateForARememberedIdStartsTheSessionAfresh() {
        log(create(3));
        log(close(3, "TCP FIN"));
        LogRecord again = log(create(3)); // the session ids began again
        assertEquals(List.of(again), manager.forSession(3));
    }

    @Test
    void afterDeactivationNothingMoreIsRemembered() {
        LogRecord kept = log(create(1));
        manager.deactivate();
        log(create(2));
        assertEquals(List.of(kept), manager.recent(10));
        manager.activate(); // for deactivate() after each test
    }

    @Test
    void concurrentProducersLoseNothingWithinTheBounds() throws Exception {
        int threads = 4;
        int perThread = 40; // 4 x 40 = 160 records, within the 200 kept
        List<Thread> producers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            long id = 100 + t;
            producers.add(new Thread(() -> {
                for (int i = 0; i < perThread; i++) {
                    securityLog.log(update(id));
                }
            }));
        }
        producers.forEach(Thread::start);
        for (Thread p : producers) {
            p.join();
        }
        assertEquals(threads * perThread, manager.recent(RecentLogService.RECENT_RECORDS).size());
        for (int t = 0; t < threads; t++) {
            List<LogRecord> kept = manager.forSession(100 + t);
            assertEquals(RecentLogService.RECORDS_PER_SESSION, kept.size());
            assertTrue(kept.stream().allMatch(r -> r.number(2) == kept.get(0).number(2)),
                    kept.stream().map(LogRecord::toString).collect(Collectors.joining()));
        }
    }

    private LogRecord log(LogRecord record) {
        securityLog.log(record);
        return record;
    }

    private LogRecord create(long sessionId) {
        return LogRecord.builder("APPTRACK_SESSION_CREATE", CREATE).field("source-address", "10.0.0.1")
                .field("source-port", 40000L).field("session-id-32", sessionId).field("username", "N/A")
                .time(clock.getAndIncrement()).build();
    }

    private LogRecord update(long sessionId) {
        return LogRecord.builder("APPTRACK_SESSION_VOL_UPDATE", CREATE).field("source-address", "10.0.0.1")
                .field("source-port", 40000L).field("session-id-32", sessionId).field("username", "N/A")
                .time(clock.getAndIncrement()).build();
    }

    private LogRecord close(long sessionId, String reason) {
        return LogRecord.builder("APPTRACK_SESSION_CLOSE", CLOSE).field("reason", reason)
                .field("source-address", "10.0.0.1").field("source-port", 40000L)
                .field("session-id-32", sessionId).field("username", "N/A").time(clock.getAndIncrement()).build();
    }
}

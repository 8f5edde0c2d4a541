package org.apptrack.appqoe.lab;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.apptrack.syslog.api.LogRecord;
import org.apptrack.syslog.api.LogRecordListener;

/**
 * The records the lab's AppTrack and AppQoE log, each with the monotonic time it arrived
 * (System.nanoTime, the clock of the lab's forwarders), so tests assert on the logs a user would
 * read and time them against the impairments. Listens to the security log the product is given.
 */
final class TimedLogRecords implements LogRecordListener {

    /** A record and when it was logged. */
    record Logged(long nanos, LogRecord record) {

        String tag() {
            return record.tag();
        }

        String field(String name) {
            String v = record.value(name);
            return v == null ? "" : v;
        }

        @Override
        public String toString() {
            return String.format("%.3f %s %s", nanos / 1e9, record.tag(), record.body());
        }
    }

    private static final int CAPACITY = 200_000;
    private final List<Logged> records = new CopyOnWriteArrayList<>();

    @Override
    public void recordLogged(LogRecord record) {
        if (records.size() < CAPACITY) {
            records.add(new Logged(System.nanoTime(), record));
        }
    }

    /** The records with this tag logged after {@code sinceNanos} that {@code filter} accepts, oldest first. */
    List<Logged> find(String tag, long sinceNanos, Predicate<Logged> filter) {
        List<Logged> out = new ArrayList<>();
        for (Logged l : records) {
            if (l.nanos() > sinceNanos && l.tag().equals(tag) && filter.test(l)) {
                out.add(l);
            }
        }
        return out;
    }

    /** The first such record, waiting up to {@code timeoutMillis}; null if none came. */
    Logged await(String tag, long sinceNanos, Predicate<Logged> filter, long timeoutMillis) throws InterruptedException {
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000L;
        while (true) {
            List<Logged> found = find(tag, sinceNanos, filter);
            if (!found.isEmpty()) {
                return found.get(0);
            }
            if (System.nanoTime() > deadline) {
                return null;
            }
            Thread.sleep(20);
        }
    }

    /** The tags of AppQoE's and AppTrack's route records since {@code sinceNanos}, for failure messages. */
    String describe(long sinceNanos) {
        StringBuilder s = new StringBuilder();
        for (Logged l : records) {
            if (l.nanos() > sinceNanos && !l.tag().contains("SLA_METRIC_REPORT") && !l.tag().startsWith("RT_FLOW_SESSION")
                    && !l.tag().startsWith("APPTRACK_SESSION_VOL")) {
                s.append("  ").append(l).append('\n');
            }
        }
        return s.toString();
    }
}

package org.apptrack.syslog.testing;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apptrack.syslog.api.LogRecord;
import org.apptrack.syslog.api.LogRecordListener;
import org.apptrack.syslog.api.LogStreamStatus;
import org.apptrack.syslog.api.SecurityLogService;

/**
 * A security log without streams that keeps every record it is given, in order, and tells its
 * listeners, for tests of what a component logs. Other modules' tests get it from this module's
 * test jar ({@code apptrack-syslog}, type {@code test-jar}).
 */
public final class RecordingSecurityLog implements SecurityLogService {

    private final List<LogRecord> records = Collections.synchronizedList(new ArrayList<>());
    private final List<LogRecordListener> listeners = new CopyOnWriteArrayList<>();

    /** The records logged so far, in order; the list itself, which later records extend. */
    public List<LogRecord> records() {
        return records;
    }

    @Override
    public void log(LogRecord record) {
        records.add(record);
        for (LogRecordListener l : listeners) {
            l.recordLogged(record);
        }
    }

    /** There are no streams: nothing is kept. */
    @Override
    public boolean log(String streamName, LogRecord record) {
        return false;
    }

    @Override
    public List<LogStreamStatus> streams() {
        return List.of();
    }

    @Override
    public Optional<LogStreamStatus> stream(String name) {
        return Optional.empty();
    }

    @Override
    public void addListener(LogRecordListener listener) {
        listeners.add(listener);
    }

    @Override
    public void removeListener(LogRecordListener listener) {
        listeners.remove(listener);
    }
}

package org.apptrack.apptrack.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apptrack.syslog.api.LogRecord;
import org.apptrack.syslog.api.LogRecordListener;
import org.apptrack.syslog.api.LogStreamStatus;
import org.apptrack.syslog.api.SecurityLogService;

/** A security log that keeps what it is given, for tests of the log records. */
final class CapturingSecurityLog implements SecurityLogService {

    final List<LogRecord> records = new ArrayList<>();

    @Override
    public void log(LogRecord record) {
        records.add(record);
    }

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
    }

    @Override
    public void removeListener(LogRecordListener listener) {
    }
}

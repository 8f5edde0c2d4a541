package org.apptrack.tool.accuracy;

import java.util.List;
import java.util.Optional;
import org.apptrack.syslog.api.LogRecord;
import org.apptrack.syslog.api.LogRecordListener;
import org.apptrack.syslog.api.LogStreamStatus;
import org.apptrack.syslog.api.SecurityLogService;

/** A security log that drops every record: the report reads sessions, not their logs. */
final class DiscardingSecurityLog implements SecurityLogService {

    @Override
    public void log(LogRecord record) {
    }

    @Override
    public boolean log(String streamName, LogRecord record) {
        return true;
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

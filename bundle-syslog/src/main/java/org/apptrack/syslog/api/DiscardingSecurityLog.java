package org.apptrack.syslog.api;

import java.util.List;
import java.util.Optional;

/**
 * A security log that drops every record and has no streams: for tools and benchmarks that run
 * AppTrack without delivering its logs (the accuracy report reads sessions, a benchmark measures
 * the engine).
 */
public final class DiscardingSecurityLog implements SecurityLogService {

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

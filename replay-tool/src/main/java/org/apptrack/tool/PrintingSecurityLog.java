package org.apptrack.tool;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apptrack.syslog.api.LogRecord;
import org.apptrack.syslog.api.LogRecordListener;
import org.apptrack.syslog.api.LogStreamStatus;
import org.apptrack.syslog.api.SecurityLogService;
import org.apptrack.syslog.format.SyslogFormatter;

/**
 * The security log of the replay tool: every record is formatted on the caller's thread and
 * written, one per line, in the order it was logged. No queue, so nothing is dropped and a
 * replay prints the same bytes every time.
 */
final class PrintingSecurityLog implements SecurityLogService {

    private final SyslogFormatter formatter;
    private final OutputStream out;
    private final List<LogRecordListener> listeners = new CopyOnWriteArrayList<>();
    private final Map<String, Long> countsByTag = new TreeMap<>();
    private byte[] buffer = new byte[8192];

    PrintingSecurityLog(SyslogFormatter formatter, OutputStream out) {
        this.formatter = formatter;
        this.out = out;
    }

    @Override
    public synchronized void log(LogRecord record) {
        for (LogRecordListener l : listeners) {
            l.recordLogged(record);
        }
        int max = formatter.maxBytes(record) + 1;
        if (buffer.length < max) {
            buffer = new byte[Math.max(max, buffer.length * 2)];
        }
        int end = formatter.format(record, buffer, 0);
        buffer[end++] = '\n';
        try {
            out.write(buffer, 0, end);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        countsByTag.merge(record.wireTag(), 1L, Long::sum);
    }

    @Override
    public boolean log(String streamName, LogRecord record) {
        log(record);
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
        listeners.add(listener);
    }

    @Override
    public void removeListener(LogRecordListener listener) {
        listeners.remove(listener);
    }

    /** Records written, by tag. */
    synchronized Map<String, Long> countsByTag() {
        return new TreeMap<>(countsByTag);
    }
}

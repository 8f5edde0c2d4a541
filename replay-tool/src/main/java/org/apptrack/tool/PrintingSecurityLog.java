package org.apptrack.tool;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
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
    /** Records per tag; tags are few constant strings, so a small identity-first lookup beats a map. */
    private String[] tags = new String[8];
    private long[] tagCounts = new long[8];
    private int tagCount;
    private byte[] buffer = new byte[8192];

    PrintingSecurityLog(SyslogFormatter formatter, OutputStream out) {
        this.formatter = formatter;
        this.out = out;
    }

    @Override
    public synchronized void log(LogRecord record) {
        if (!listeners.isEmpty()) {
            for (LogRecordListener l : listeners) {
                l.recordLogged(record);
            }
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
        count(record.wireTag());
    }

    private void count(String tag) {
        for (int i = 0; i < tagCount; i++) {
            if (tags[i] == tag) {
                tagCounts[i]++;
                return;
            }
        }
        for (int i = 0; i < tagCount; i++) {
            if (tags[i].equals(tag)) {
                tagCounts[i]++;
                return;
            }
        }
        if (tagCount == tags.length) {
            tags = Arrays.copyOf(tags, tagCount * 2);
            tagCounts = Arrays.copyOf(tagCounts, tagCount * 2);
        }
        tags[tagCount] = tag;
        tagCounts[tagCount++] = 1;
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
        Map<String, Long> m = new TreeMap<>();
        for (int i = 0; i < tagCount; i++) {
            m.merge(tags[i], tagCounts[i], Long::sum);
        }
        return m;
    }
}

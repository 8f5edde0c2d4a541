package org.apptrack.syslog.recent;

import java.util.List;
import org.apptrack.syslog.api.LogRecord;
import org.apptrack.syslog.api.LogRecordListener;
import org.apptrack.syslog.api.RecentLogService;
import org.apptrack.syslog.api.SecurityLogService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

/**
 * Remembers what the security log is given, as a listener of {@link SecurityLogService}: every
 * record, whether or not a stream is configured to send it anywhere.
 */
@Component(immediate = true, service = RecentLogService.class)
public class RecentLogManager implements RecentLogService {

    @Reference
    private SecurityLogService securityLog;

    private final RecentRecords records = new RecentRecords(RECENT_RECORDS, SESSIONS, RECORDS_PER_SESSION);
    private final LogRecordListener listener = records::add;

    public RecentLogManager() {
    }

    /** Outside OSGi (tests): the security log to listen to. */
    RecentLogManager(SecurityLogService securityLog) {
        this.securityLog = securityLog;
    }

    @Activate
    protected void activate() {
        securityLog.addListener(listener);
    }

    @Deactivate
    protected void deactivate() {
        securityLog.removeListener(listener);
    }

    @Override
    public List<LogRecord> recent(int limit) {
        return records.recent(limit);
    }

    @Override
    public List<LogRecord> forSession(long sessionId) {
        return records.forSession(sessionId);
    }
}

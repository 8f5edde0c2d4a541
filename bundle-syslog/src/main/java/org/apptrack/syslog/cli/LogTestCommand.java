package org.apptrack.syslog.cli;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apptrack.syslog.api.LogStreamState;
import org.apptrack.syslog.api.LogStreamStatus;
import org.apptrack.syslog.api.SecurityLogService;
import org.apptrack.syslog.api.TestRecords;

/**
 * Sends test records to one stream or to all of them. A bad option, an unknown stream or one whose
 * configuration was rejected fails the command (Karaf prints "Error executing command: ...").
 */
@Service
@Command(scope = "apptrack", name = "log-test",
        description = "Sends a test record (tag " + TestRecords.TAG + ") to one log stream or to all")
public class LogTestCommand implements Action {

    @Option(name = "-s", aliases = "--stream", description = "Send to this stream only (default: all streams)")
    String stream;

    @Option(name = "-c", aliases = "--count", description = "Number of records to send")
    int count = 1;

    @Argument(name = "message", description = "Text of the test message", required = false)
    String message;

    @Reference
    SecurityLogService service;

    @Override
    public Object execute() {
        if (count < 1) {
            throw new IllegalArgumentException("--count must be at least 1: " + count);
        }
        if (stream != null) {
            LogStreamStatus status = service.stream(stream)
                    .orElseThrow(() -> new IllegalArgumentException("No log stream named " + stream));
            if (status.state() == LogStreamState.REJECTED) {
                throw new IllegalStateException("Log stream " + stream + " is not running: " + status.configError());
            }
            for (int i = 0; i < count; i++) {
                service.log(stream, TestRecords.create(stream, message));
            }
            System.out.println("Sent " + count + " test record(s) to " + stream + " (" + status.destination() + ").");
        } else {
            for (int i = 0; i < count; i++) {
                service.log(TestRecords.create(null, message));
            }
            System.out.println("Sent " + count + " test record(s) to " + service.streams().stream()
                    .filter(s -> s.state() != LogStreamState.REJECTED).count() + " stream(s).");
        }
        System.out.println("See apptrack:log-streams for the delivery counters.");
        return null;
    }
}

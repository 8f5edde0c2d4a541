package org.apptrack.syslog.api;

/**
 * Observes every record handed to {@link SecurityLogService#log(LogRecord)}, before any stream
 * formats it. Called on the producer's thread: implementations must be quick and must not throw.
 */
@FunctionalInterface
public interface LogRecordListener {
    void recordLogged(LogRecord record);
}

package org.apptrack.syslog.api;

/**
 * Told when a stream starts, is reconfigured or stops, so that what depends on the streams'
 * endpoints ({@link SecurityLogService#networkEndpoints()}) can follow. Called on the thread that
 * applied the configuration, while the security log holds its lock: implementations must be
 * quick, must not wait for other threads and must not throw.
 */
@FunctionalInterface
public interface LogStreamsListener {
    void streamsChanged();
}

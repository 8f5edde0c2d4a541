package org.apptrack.syslog.api;

/** Life cycle of one log stream. */
public enum LogStreamState {
    /** Connected (TCP/TLS), bound (UDP) or open (file): records are being delivered. */
    UP,
    /** Waiting for the receiver: TCP/TLS connecting or backing off before the next attempt. */
    CONNECTING,
    /** The configuration was rejected; the stream does not run. See the configuration error. */
    REJECTED,
    /** Stopped by its configuration being removed or the service shutting down. */
    STOPPED
}

package org.apptrack.apptrack.api;

/**
 * One row of {@code show services application-identification statistics applications}: the
 * sessions of one application and nested application, with their packets and bytes (both
 * directions), counted when each session closed.
 */
public final class ApplicationStatistics {

    private final String application;
    private final String nestedApplication;
    private final long sessions;
    private final long packets;
    private final long bytes;

    public ApplicationStatistics(String application, String nestedApplication, long sessions, long packets,
                                 long bytes) {
        this.application = application;
        this.nestedApplication = nestedApplication;
        this.sessions = sessions;
        this.packets = packets;
        this.bytes = bytes;
    }

    public String application() {
        return application;
    }

    public String nestedApplication() {
        return nestedApplication;
    }

    public long sessions() {
        return sessions;
    }

    public long packets() {
        return packets;
    }

    public long bytes() {
        return bytes;
    }
}

package org.apptrack.apptrack.api;

/** The bytes (both directions) one application carried over a window. */
public final class ApplicationVolume {

    private final String application;
    private final long bytes;

    public ApplicationVolume(String application, long bytes) {
        this.application = application;
        this.bytes = bytes;
    }

    public String application() {
        return application;
    }

    public long bytes() {
        return bytes;
    }

    @Override
    public String toString() {
        return application + "=" + bytes;
    }
}

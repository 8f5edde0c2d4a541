package org.apptrack.apptrack.api;

/** The bytes (both directions) that carried one name (an application, a zone, a user...) over a window. */
public final class Volume {

    private final String name;
    private final long bytes;

    public Volume(String name, long bytes) {
        this.name = name;
        this.bytes = bytes;
    }

    public String name() {
        return name;
    }

    public long bytes() {
        return bytes;
    }

    @Override
    public String toString() {
        return name + "=" + bytes;
    }
}

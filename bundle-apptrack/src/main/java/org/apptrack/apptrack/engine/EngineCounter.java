package org.apptrack.apptrack.engine;

/** What the engine counts besides sessions closed by reason ({@link EngineCounters}). */
public enum EngineCounter {
    SESSIONS_CREATED("Sessions created"),
    VOLUME_UPDATES("Volume updates"),
    FRAGMENTS_ATTACHED("Later fragments counted in their session"),
    FRAGMENTS_WITHOUT_SESSION("Later fragments without a session"),
    ICMP_ERRORS_WITHOUT_SESSION("ICMP errors quoting no session"),
    TCP_RST_WITHOUT_SESSION("TCP RST without a session"),
    FRAMES_WITHOUT_ZONE("Frames with no zone"),
    FRAMES_NOT_TRACKED("Frames with AppTrack disabled"),
    OWN_TRAFFIC_FRAMES("Frames of own traffic (not tracked)"),
    NOT_CLASSIFIED_POOL_FULL("Sessions not inspected (classification pool full)"),
    SESSIONS_RELEASED("Sessions handed over to another node"),
    SESSIONS_ADOPTED("Sessions taken over from another node");

    private static final EngineCounter[] VALUES = values();

    private final String description;

    EngineCounter(String description) {
        this.description = description;
    }

    /** What an operator reads next to the number. */
    public String description() {
        return description;
    }

    static int count() {
        return VALUES.length;
    }
}

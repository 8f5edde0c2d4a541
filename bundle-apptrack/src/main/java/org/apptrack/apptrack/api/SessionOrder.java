package org.apptrack.apptrack.api;

import java.util.Comparator;
import java.util.Locale;

/**
 * The order in which sessions are listed, and so which ones a limit keeps: by session id, or the
 * heaviest first (the sessions that use the bandwidth), or the longest-lived first.
 */
public enum SessionOrder {
    /** Ascending session id (creation order). */
    ID(Comparator.comparingLong(SessionInfo::sessionId)),
    /** Most layer-3 bytes, both directions together, first. */
    BYTES(Comparator.comparingLong(SessionInfo::bytes).reversed().thenComparingLong(SessionInfo::sessionId)),
    /** Most packets, both directions together, first. */
    PACKETS(Comparator.comparingLong(SessionInfo::packets).reversed().thenComparingLong(SessionInfo::sessionId)),
    /** Longest time from the first to the last packet first. */
    DURATION(Comparator.comparingLong(SessionInfo::durationMillis).reversed()
            .thenComparingLong(SessionInfo::sessionId));

    private final Comparator<SessionInfo> comparator;

    SessionOrder(Comparator<SessionInfo> comparator) {
        this.comparator = comparator;
    }

    /** The order as a comparator of sessions. */
    public Comparator<SessionInfo> comparator() {
        return comparator;
    }

    /**
     * The order named {@code value} ({@code id}, {@code bytes}, {@code packets}, {@code duration},
     * any case).
     *
     * @throws IllegalArgumentException "sort: ..." for any other value
     */
    public static SessionOrder parse(String value) {
        if (value != null) {
            for (SessionOrder o : values()) {
                if (o.name().equalsIgnoreCase(value.trim())) {
                    return o;
                }
            }
        }
        throw new IllegalArgumentException("sort: not id, bytes, packets or duration: " + value);
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}

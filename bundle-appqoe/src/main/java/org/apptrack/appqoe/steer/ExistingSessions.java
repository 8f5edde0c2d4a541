package org.apptrack.appqoe.steer;

/** What a new path decision does to connections that are already steered. */
public enum ExistingSessions {
    /** They follow the decision: their packets take the new path from the next packet on. */
    MOVE,
    /** They keep the path they started on (their conntrack mark); only new connections take the new path. */
    STAY;

    /** "move" or "stay" (case-insensitive). */
    public static ExistingSessions parse(String text) {
        if (text != null) {
            for (ExistingSessions v : values()) {
                if (v.name().equalsIgnoreCase(text.trim())) {
                    return v;
                }
            }
        }
        throw new IllegalArgumentException("existing-sessions must be move or stay, was " + text);
    }
}

package org.apptrack.appqoe.config;

/**
 * What a path switch does to sessions already on the old path: move them too, or let them finish
 * where they are (new sessions take the new path). Moving a session to an uplink with another
 * source NAT breaks it, hence {@link #STAY} by default.
 */
public enum ExistingSessions {
    MOVE,
    STAY
}

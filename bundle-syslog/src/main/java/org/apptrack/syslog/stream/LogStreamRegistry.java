package org.apptrack.syslog.stream;

import java.util.Map;

/** Internal: how stream configurations reach the manager (one call per ConfigAdmin change). */
public interface LogStreamRegistry {

    /** Applies a new or changed stream configuration; a rejected one leaves the previous in force. */
    void apply(String pid, Map<String, ?> properties);

    /** Stops and forgets the stream of a deleted configuration. */
    void remove(String pid);
}

package org.apptrack.tool.accuracy;

import org.apptrack.apptrack.api.SessionAttribute;
import org.apptrack.apptrack.api.SessionInfo;

/**
 * What the report keeps of one of our sessions, from its description when it closed.
 *
 * @param vlan the VLAN id of the session's key; -1 when the key has none (sessions do not report
 *     a VLAN, and the default configuration keys on the 5-tuple alone)
 * @param confident whether the application is a name we stand by ({@link ConfidentName})
 */
record SessionRecord(long sessionId, int protocol, String clientAddress, int clientPort, String serverAddress,
                     int serverPort, int vlan, long packets, String application, String nestedApplication,
                     boolean confident) {

    static final int NO_VLAN = -1;

    static SessionRecord of(SessionInfo s) {
        return new SessionRecord(s.sessionId(), s.protocol(), s.clientAddress(), s.clientPort(), s.serverAddress(),
                s.serverPort(), NO_VLAN, s.packets(), s.application(), s.text(SessionAttribute.NESTED_APPLICATION),
                ConfidentName.confident(s));
    }
}

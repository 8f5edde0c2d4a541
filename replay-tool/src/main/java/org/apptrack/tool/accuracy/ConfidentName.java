package org.apptrack.tool.accuracy;

import org.apptrack.apptrack.api.SessionAttribute;
import org.apptrack.apptrack.api.SessionInfo;

/**
 * Whether a session's application is a name we stand by: one its payload told, the application
 * system cache from an earlier session's payload, or the published address ranges of the service
 * the session goes to (the service's own statement of where it runs). A name from the server
 * port alone is a guess, and so is no name.
 */
final class ConfidentName {

    private ConfidentName() {
    }

    static boolean confident(SessionInfo session) {
        String how = session.text(SessionAttribute.IDENTIFIED_BY);
        return !Expectation.UNKNOWN.equals(session.application()) && ("payload".equals(how) || "cache".equals(how)
                || "address".equals(how));
    }
}

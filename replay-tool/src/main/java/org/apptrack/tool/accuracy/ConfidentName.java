package org.apptrack.tool.accuracy;

import org.apptrack.apptrack.api.SessionInfo;

/**
 * Whether a session's application is a name we stand by. Today every name that is not
 * {@code UNKNOWN} is: the port classifier flags nothing. Once sessions say that their name was
 * only guessed (a classifier that ran out of its packet budget, a port guess), a guessed name is
 * not confident, and this is the one place to say so.
 */
final class ConfidentName {

    private ConfidentName() {
    }

    static boolean confident(SessionInfo session) {
        return !Expectation.UNKNOWN.equals(session.application());
    }
}

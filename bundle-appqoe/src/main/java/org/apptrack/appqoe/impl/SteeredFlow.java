package org.apptrack.appqoe.impl;

import org.apptrack.apptrack.api.SessionInfo;
import org.apptrack.appqoe.steer.SteeredSession;

/** A session of an application selection: what AppTrack said about it and the path it takes. */
final class SteeredFlow {

    final SessionInfo info;
    final SteeredSession session;
    /** The path the session was last given, null before; stays on the old one under "stay". */
    String pathName;
    /** Whether the actuator accepted it (false without an actuator or after an error). */
    boolean steered;

    SteeredFlow(SessionInfo info, SteeredSession session) {
        this.info = info;
        this.session = session;
    }
}

package org.apptrack.appqoe.impl;

import org.apptrack.appqoe.api.ProbeStatus;

/** One path probed with one set of active probe parameters (STAMP or HTTP HEAD). */
interface ProbeSession {

    /** Starts probing; a failure (e.g. the source address is not local) is kept in the status. */
    void start();

    void stop();

    ProbeStatus status();
}

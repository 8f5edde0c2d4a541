package org.apptrack.apptrack.impl;

/**
 * The running AppTrack, for the bundle's own components that work beside the packets (offload
 * mode's {@code OffloadManager}); a service private to the bundle (its package is not exported).
 */
public interface AppTrackRuntimeAccess {

    /** The runtime (one per activation of the ONOS app). */
    AppTrackRuntime runtime();
}

package org.apptrack.api.traffic;

import org.onosproject.event.ListenerService;

/**
 * The traffic the product itself causes or receives: its log export, its management listeners and
 * the management connections of its host. An SRX does not log its own control-plane traffic as
 * transit sessions; packet sources leave it out of their capture and AppTrack creates no session
 * for it. Listeners hear of every change, with the new set.
 */
public interface OwnTrafficService extends ListenerService<OwnTrafficEvent, OwnTrafficListener> {

    /** The current set; {@link OwnTraffic#NONE} before anything is known. */
    OwnTraffic ownTraffic();

    /**
     * Adds a part of the product's own traffic to the set, and its changes. Sources register
     * themselves (rather than being looked up as services) so that no component depends in a circle
     * on AppTrack, which depends on this service.
     */
    void addSource(OwnTrafficSource source);

    void removeSource(OwnTrafficSource source);
}

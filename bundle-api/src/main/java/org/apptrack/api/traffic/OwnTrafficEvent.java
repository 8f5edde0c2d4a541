package org.apptrack.api.traffic;

import org.onosproject.event.AbstractEvent;

/** The product's own traffic changed; the subject is the new set. */
public final class OwnTrafficEvent extends AbstractEvent<OwnTrafficEvent.Type, OwnTraffic> {

    public enum Type {
        /** A stream, a listener, a management endpoint or an address of this host came or went. */
        OWN_TRAFFIC_CHANGED
    }

    public OwnTrafficEvent(Type type, OwnTraffic subject) {
        super(type, subject);
    }
}

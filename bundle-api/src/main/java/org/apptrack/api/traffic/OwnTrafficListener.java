package org.apptrack.api.traffic;

import org.onosproject.event.EventListener;

/** Told when the product's own traffic changes. */
public interface OwnTrafficListener extends EventListener<OwnTrafficEvent> {
}

package org.apptrack.apptrack.api;

import org.onosproject.event.EventListener;

/**
 * Hears of tracked sessions' creation, identification and close ({@link AppTrackService}). Keep
 * it quick: events of all sessions go through one thread.
 */
public interface AppTrackSessionListener extends EventListener<AppTrackSessionEvent> {
}

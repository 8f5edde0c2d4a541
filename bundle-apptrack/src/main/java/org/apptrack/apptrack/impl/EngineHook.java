package org.apptrack.apptrack.impl;

import org.apptrack.apptrack.engine.AppTrackEngine;
import org.apptrack.apptrack.engine.CloseReason;
import org.onosproject.net.packet.PacketContext;

/**
 * What a part of the ONOS app that works beside the packets (offload mode) hears from the
 * runtime, in the engine's turn (under the runtime's lock, on the thread that holds it): keep it
 * short and hand the work to a thread of your own; never call back into the runtime's
 * commands from here (the engine is between steps).
 */
public interface EngineHook {

    /**
     * A packet was counted in session {@link AppTrackEngine#lastSession()} (direction
     * {@link AppTrackEngine#lastFromClient()}); the engine may be told to count externally here.
     */
    void packetCounted(AppTrackEngine engine, PacketContext context, long nowNanos);

    /** An externally counted session's connection ended (see {@code SessionEventListener#sessionEnding}). */
    void sessionEnding(AppTrackEngine engine, int session, int sessionId, CloseReason reason);

    /** An externally counted session closed (by its source, or by the engine: CLI, policy, safety timer). */
    void sessionClosed(AppTrackEngine engine, int session, int sessionId, CloseReason reason);

    /** The turn of a command that works on the engine (see {@link AppTrackRuntime#inTurn}). */
    @FunctionalInterface
    interface Turn<T> {
        T run(AppTrackEngine engine, long nowNanos);
    }
}

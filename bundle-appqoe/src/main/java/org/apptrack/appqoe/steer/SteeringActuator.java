package org.apptrack.appqoe.steer;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * What puts AppQoE's decisions into effect: sends one session's traffic along a path. Called from
 * AppQoE's single worker thread (never the packet path), so implementations may block briefly and
 * need no locking of their own; the batch methods let an implementation that spawns a process per
 * change apply many changes in one go.
 */
public interface SteeringActuator {

    /** "none", "linux-policy-routing", "onos-flow-objective". */
    String name();

    /** False: decisions are only measured and logged. */
    boolean steers();

    /**
     * Creates what the paths need (tables, ip rules, ...) for the configured paths and replaces
     * the previous set. What happens to sessions steered before and to the previous set on failure
     * is the implementation's to say.
     */
    void preparePaths(List<SteeringPath> paths) throws SteeringException;

    /** Sends one session's traffic along the path: installs it, or moves it when already steered. */
    void steer(SteeredSession session, SteeringPath path) throws SteeringException;

    /**
     * {@link #steer} for several sessions; an implementation may apply them at once (all or none).
     * The default steers one after the other and stops at the first failure.
     */
    default void steerAll(Map<SteeredSession, SteeringPath> sessions) throws SteeringException {
        for (Map.Entry<SteeredSession, SteeringPath> e : sessions.entrySet()) {
            steer(e.getKey(), e.getValue());
        }
    }

    /** The session ended: removes what steer() installed for it (idempotent, never throws). */
    void release(SteeredSession session);

    /** {@link #release} for several sessions; an implementation may remove them at once. */
    default void releaseAll(Collection<SteeredSession> sessions) {
        for (SteeredSession s : sessions) {
            release(s);
        }
    }

    /** Removes everything this actuator created (idempotent, never throws). */
    void close();
}

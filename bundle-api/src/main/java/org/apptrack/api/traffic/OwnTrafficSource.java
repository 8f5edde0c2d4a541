package org.apptrack.api.traffic;

import java.net.InetAddress;
import java.util.List;

/**
 * A part of the product that causes traffic of its own beyond log export and management (AppQoE's
 * probes, its STAMP reflector): added with {@link OwnTrafficService#addSource}, its rules join the
 * service's set, so that no packet source or AppTrack session ever counts them.
 */
public interface OwnTrafficSource {

    /**
     * The rules for what this part sends or answers now.
     *
     * @param hostAddresses this host's addresses, for a wildcard-bound listener or an unbound sender
     */
    List<OwnTrafficRule> ownTrafficRules(List<InetAddress> hostAddresses);

    /** Runs (on any thread, quickly) whenever {@link #ownTrafficRules} may have changed. */
    void addChangeListener(Runnable listener);

    void removeChangeListener(Runnable listener);
}

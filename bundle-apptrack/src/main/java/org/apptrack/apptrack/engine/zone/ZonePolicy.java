package org.apptrack.apptrack.engine.zone;

/**
 * What applies to the sessions from one zone to another: the policy name the logs carry, whether
 * the policy enforces user identity (then the logs name the user, else {@code N/A}), and
 * whether AppTrack tracks these sessions at all (enabled in the source or the destination zone,
 * as Junos allows in either, and not disabled globally).
 */
public final class ZonePolicy {

    private final int index;
    private final Zone sourceZone;
    private final Zone destinationZone;
    private final String policyName;
    private final boolean userIdentity;
    private final boolean tracked;

    public ZonePolicy(int index, Zone sourceZone, Zone destinationZone, String policyName, boolean userIdentity,
                      boolean tracked) {
        this.index = index;
        this.sourceZone = sourceZone;
        this.destinationZone = destinationZone;
        this.policyName = policyName;
        this.userIdentity = userIdentity;
        this.tracked = tracked;
    }

    /** The index sessions store ({@code SessionTable.policy}). */
    public int index() {
        return index;
    }

    public Zone sourceZone() {
        return sourceZone;
    }

    public Zone destinationZone() {
        return destinationZone;
    }

    public String policyName() {
        return policyName;
    }

    public boolean userIdentity() {
        return userIdentity;
    }

    public boolean tracked() {
        return tracked;
    }

    /** The session's logical system: its source zone's. */
    public String logicalSystem() {
        return sourceZone.logicalSystem();
    }
}

package org.apptrack.appqoe.lab;

/**
 * STAMP packets (UDP to port 862) that arrived at the site on one uplink, on the wire (before
 * any impairment), by DSCP: expedited forwarding (46) or anything else.
 */
public record DscpCounts(long ef, long other) {

    public DscpCounts since(DscpCounts earlier) {
        return new DscpCounts(ef - earlier.ef, other - earlier.other);
    }
}

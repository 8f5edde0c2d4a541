package org.apptrack.appqoe.lab;

/**
 * What crossed one uplink at the site, after the impairments: {@code toSite} arrived from the
 * branch and was not dropped, {@code toBranch} left the site towards the branch (nft counters).
 */
public record TrafficCount(long toSitePackets, long toSiteBytes, long toBranchPackets, long toBranchBytes) {

    /** This count minus an earlier one. */
    public TrafficCount since(TrafficCount earlier) {
        return new TrafficCount(toSitePackets - earlier.toSitePackets, toSiteBytes - earlier.toSiteBytes,
                toBranchPackets - earlier.toBranchPackets, toBranchBytes - earlier.toBranchBytes);
    }
}

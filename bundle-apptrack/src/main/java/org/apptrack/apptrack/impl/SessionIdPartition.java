package org.apptrack.apptrack.impl;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;

/**
 * Which range of session ids a node of an ONOS cluster hands out: its place among the cluster's
 * node ids, sorted, in the top {@link #BITS} bits. A session that offload mode moves to another
 * node keeps the id its create message carried, so the nodes' ranges must not overlap. The order
 * is the cluster's configured membership, the same on every node.
 */
final class SessionIdPartition {

    /** Up to 32 nodes (ONOS clusters run 3 to 7); 2^27 ids each before they count from 1 again. */
    static final int BITS = 5;

    private SessionIdPartition() {
    }

    /**
     * @return the partition, or -1 when the local node is not among the nodes or there are more
     *     nodes than partitions (then ids are not partitioned)
     */
    static int of(String localNode, Collection<String> nodes) {
        List<String> sorted = new ArrayList<>(nodes);
        Collections.sort(sorted);
        int index = sorted.indexOf(localNode);
        return index < 0 || sorted.size() > 1 << BITS ? -1 : index;
    }
}

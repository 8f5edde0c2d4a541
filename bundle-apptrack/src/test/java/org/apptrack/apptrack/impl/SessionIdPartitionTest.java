package org.apptrack.apptrack.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SessionIdPartitionTest {

    @Test
    void eachNodeTakesItsPlaceAmongTheSortedNodeIds() {
        List<String> nodes = List.of("10.0.0.3", "10.0.0.1", "10.0.0.2");
        assertEquals(0, SessionIdPartition.of("10.0.0.1", nodes));
        assertEquals(1, SessionIdPartition.of("10.0.0.2", nodes));
        assertEquals(2, SessionIdPartition.of("10.0.0.3", nodes), "the same order on every node");
        assertEquals(-1, SessionIdPartition.of("10.0.0.9", nodes), "not a member");
    }

    @Test
    void moreNodesThanRangesGetNone() {
        List<String> nodes = new ArrayList<>();
        for (int i = 0; i < 33; i++) {
            nodes.add(String.format("node-%02d", i));
        }
        assertEquals(-1, SessionIdPartition.of("node-00", nodes));
        assertEquals(31, SessionIdPartition.of("node-31", nodes.subList(0, 32)));
    }
}

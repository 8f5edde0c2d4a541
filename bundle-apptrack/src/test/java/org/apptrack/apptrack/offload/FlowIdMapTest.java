package org.apptrack.apptrack.offload;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class FlowIdMapTest {

    @Test
    void agreesWithHashMapThroughGrowthAndBackwardShiftDeletion() {
        FlowIdMap map = new FlowIdMap(4);
        Map<Long, Integer> reference = new HashMap<>();
        Random random = new Random(7);
        for (int i = 0; i < 200_000; i++) {
            // Few distinct keys, many collisions in a small table: deletions shift clusters often.
            long key = random.nextInt(5000) * 0x1_0000_0000L + random.nextInt(3);
            int op = random.nextInt(3);
            if (op == 0) {
                map.put(key, i);
                reference.put(key, i);
            } else if (op == 1) {
                Integer expected = reference.remove(key);
                assertEquals(expected == null ? FlowIdMap.MISSING : expected, map.remove(key));
            } else {
                Integer expected = reference.get(key);
                assertEquals(expected == null ? FlowIdMap.MISSING : expected, map.get(key));
            }
        }
        assertEquals(reference.size(), map.size());
        reference.forEach((k, v) -> assertEquals(v, map.get(k)));
    }
}

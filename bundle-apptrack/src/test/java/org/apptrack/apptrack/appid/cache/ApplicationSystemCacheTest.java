package org.apptrack.apptrack.appid.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The application system cache: found until its timeout, bounded, the soonest-expiring entry replaced. */
class ApplicationSystemCacheTest {

    private static final long S = 1_000_000_000L;

    @Test
    void anEntryNamesItsServerUntilItExpires() {
        ApplicationSystemCache c = new ApplicationSystemCache(16, 10 * S);
        c.put(0, 0xffff_0a000001L, 6, 443, 7, 9, 0);
        int e = c.find(0, 0xffff_0a000001L, 6, 443, 9 * S);
        assertEquals(7, c.application(e));
        assertEquals(9, c.nested(e));
        assertEquals(-1, c.find(0, 0xffff_0a000001L, 17, 443, 9 * S), "another protocol is another key");
        assertEquals(-1, c.find(0, 0xffff_0a000001L, 6, 443, 10 * S), "expired");
        assertEquals(1, c.hits());
        assertEquals(2, c.misses());
    }

    @Test
    void itNeverHoldsMoreThanItsCapacityAndCountsWhatItDisplaced() {
        ApplicationSystemCache c = new ApplicationSystemCache(64, 100 * S);
        for (int i = 0; i < 10_000; i++) {
            c.put(i, i, 6, 443, 1, 0, i);
        }
        assertTrue(c.size() <= c.capacity());
        assertEquals(64, c.capacity());
        assertEquals(10_000 - c.size(), c.evictions());
        assertTrue(c.find(9_999, 9_999, 6, 443, 10_000) >= 0, "the newest entry is there");
    }
}

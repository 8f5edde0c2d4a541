package org.apptrack.appqoe.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.apptrack.appqoe.sla.ViolationReason;
import org.junit.jupiter.api.Test;

class SlaStateTest {

    /** The names the console and REST show are the bits the APPQOE logs carry. */
    @Test
    void violationsNameTheReasonBitsAsTheLogsDo() {
        for (int mask = 0; mask < 8; mask++) {
            SlaState s = new SlaState("r", "p", mask == 0, false, mask, mask == 0 ? 0 : 1);
            String joined = String.join("+", s.violations());
            assertEquals(ViolationReason.describe(mask), mask == 0 ? "none" : joined, "mask " + mask);
            assertEquals(mask == 0, s.violations().isEmpty());
        }
    }
}

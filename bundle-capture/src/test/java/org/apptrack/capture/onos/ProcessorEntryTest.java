package org.apptrack.capture.onos;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ProcessorEntryTest {

    @Test
    void everySixtyFourthFrameIsTimedAndTheTotalIsEstimated() {
        long[] passed = {1000};
        ProcessorEntry e = new ProcessorEntry(context -> { }, 1, 0, () -> passed[0]);
        FrameDelivery delivery = new FrameDelivery(Thread.currentThread(), new CapturePacketService());
        assertEquals(0, e.averageNanos());
        assertEquals(0, e.totalNanos());
        int sampled = 0;
        for (int i = 0; i < 10 * ProcessorEntry.SAMPLE_EVERY; i++) {
            passed[0]++;
            if (delivery.sampleNow()) {
                sampled++;
                e.timed(sampled % 2 == 0 ? 300 : 100);
            }
        }
        assertEquals(10, sampled, "the first and then every 64th");
        assertEquals(640, e.invocations(), "frames passed since registration");
        assertEquals(200, e.averageNanos());
        assertEquals(640 * 200, e.totalNanos());
        e.removed();
        passed[0] += 5;
        assertEquals(640, e.invocations(), "no longer counting once removed");
    }
}

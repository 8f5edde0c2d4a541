package org.apptrack.apptrack.offload;

import static org.apptrack.testsupport.packets.Packets.A;
import static org.apptrack.testsupport.packets.Packets.B;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.ByteBuffer;
import org.apptrack.apptrack.engine.AppTrackEngine;
import org.apptrack.apptrack.engine.EngineSettings;
import org.apptrack.apptrack.engine.SessionEventListener;
import org.apptrack.testsupport.packets.Frames;
import org.junit.jupiter.api.Test;

/** The bookkeeping between a rule's absolute totals and the engine's counts. */
class OffloadedFlowsTest {

    private static final long T0 = 1_700_000_000_000_000_000L;

    @Test
    void totalsBecomeIncrementsAndARestartedCounterIsAllNew() {
        AppTrackEngine engine = new AppTrackEngine(EngineSettings.defaults(), SessionEventListener.NONE);
        engine.onFrame(ByteBuffer.wrap(Frames.udp(A, 5000, B, 53, 10)), 0, T0);
        int s = engine.lastSession();
        int id = engine.table().sessionId(s);
        engine.countExternally(s, id, true, T0);
        OffloadedFlows flows = new OffloadedFlows(2);
        flows.track(11L, 0, s, id, true, true);
        flows.observe(11L, 10, 1000);
        flows.observe(11L, 15, 1500); // two looks before one report: the increments add up
        assertEquals(1, flows.applyTo(engine, T0 + 1));
        assertEquals(1 + 15, engine.table().clientPackets(s));
        flows.observe(11L, 15, 1500);
        assertEquals(0, flows.applyTo(engine, T0 + 2), "nothing new");
        flows.observe(11L, 4, 400); // the rule was replaced: its counter started again
        flows.applyTo(engine, T0 + 3);
        assertEquals(1 + 15 + 4, engine.table().clientPackets(s));
        assertFalse(flows.observe(12L, 1, 1), "an unknown rule");
    }

    @Test
    void partnersAreFoundFromTheSessionAndTheRulesOfAClosedSessionAreForgotten() {
        AppTrackEngine engine = new AppTrackEngine(EngineSettings.defaults(), SessionEventListener.NONE);
        engine.onFrame(ByteBuffer.wrap(Frames.udp(A, 5000, B, 53, 10)), 0, T0);
        int s = engine.lastSession();
        int id = engine.table().sessionId(s);
        OffloadedFlows flows = new OffloadedFlows(2);
        int c2s = flows.track(21L, 0, s, id, true, true);
        int s2c = flows.track(22L, 0, s, id, false, true);
        assertEquals(s2c, flows.partner(c2s));
        assertEquals(c2s, flows.partner(s2c));
        engine.closeAll(org.apptrack.apptrack.engine.CloseReason.CLI, T0 + 1);
        flows.observe(21L, 1, 100);
        flows.applyTo(engine, T0 + 2);
        assertEquals(0, flows.size(), "both directions of the closed session forgotten");
    }
}

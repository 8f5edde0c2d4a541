package org.apptrack.apptrack.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class SessionInfoTest {

    @Test
    void aBuilderBuildsOneSnapshotWithItsValuesAndTheRestZeroOrEmpty() {
        SessionInfo.Builder b = SessionInfo.builder().put(SessionAttribute.SESSION_ID, 7)
                .put(SessionAttribute.APPLICATION, "HTTP");
        SessionInfo s = b.build();
        assertEquals(7, s.sessionId());
        assertEquals("HTTP", s.application());
        assertEquals("", s.sourceZone());
        assertEquals(0, s.bytes());
        // the snapshot owns the builder's arrays: a second build would share them
        assertThrows(IllegalStateException.class, b::build);
    }
}

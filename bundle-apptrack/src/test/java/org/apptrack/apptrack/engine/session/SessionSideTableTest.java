package org.apptrack.apptrack.engine.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SessionSideTableTest {

    @Test
    void attributesPerSessionIndexAndResetForANewSession() {
        SessionSideTable side = new SessionSideTable(4);
        side.setApplicationId(2, 7);
        side.setNestedApplicationId(2, SessionSideTable.MAX_APPLICATION_ID);
        side.setParent(2, 3);
        side.setEncrypted(2, SessionSideTable.ENCRYPTED_YES);
        assertEquals(SessionSideTable.ENCRYPTED_YES, side.encrypted(2));
        assertEquals(SessionSideTable.ENCRYPTED_UNKNOWN, side.encrypted(1));
        assertEquals(7, side.applicationId(2));
        assertEquals(SessionSideTable.MAX_APPLICATION_ID, side.nestedApplicationId(2));
        assertEquals(3, side.parent(2));
        assertEquals(0, side.applicationId(1), "other sessions untouched");
        assertEquals(-1, side.parent(1));
        side.reset(2);
        assertEquals(0, side.applicationId(2));
        assertEquals(0, side.nestedApplicationId(2));
        assertEquals(-1, side.parent(2));
        assertEquals(SessionSideTable.ENCRYPTED_UNKNOWN, side.encrypted(2));
    }

    @Test
    void applicationIdsOutsideTheirRangeAreRefused() {
        SessionSideTable side = new SessionSideTable(1);
        assertThrows(IllegalArgumentException.class, () -> side.setApplicationId(0, -1));
        assertThrows(IllegalArgumentException.class,
                () -> side.setNestedApplicationId(0, SessionSideTable.MAX_APPLICATION_ID + 1));
        assertThrows(IllegalArgumentException.class, () -> side.setEncrypted(0, 3));
    }

    @Test
    void tableAndSideTogetherStayWithinTheMemoryBudgetAtOneMillionSessions() {
        int n = 1_000_000;
        double perSession = (double) (new SessionTable(n, 1).memoryBytes() + new SessionSideTable(n).memoryBytes()) / n;
        assertTrue(perSession <= 160, perSession + " bytes per session");
    }
}

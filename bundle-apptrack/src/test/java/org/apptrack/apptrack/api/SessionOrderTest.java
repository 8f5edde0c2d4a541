package org.apptrack.apptrack.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class SessionOrderTest {

    @Test
    void namesParseInAnyCaseAndOthersNameTheParameter() {
        assertEquals(SessionOrder.BYTES, SessionOrder.parse("bytes"));
        assertEquals(SessionOrder.DURATION, SessionOrder.parse(" Duration "));
        assertEquals("packets", SessionOrder.PACKETS.toString());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SessionOrder.parse("size"));
        assertEquals("sort: not id, bytes, packets or duration: size", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> SessionOrder.parse(null));
    }
}

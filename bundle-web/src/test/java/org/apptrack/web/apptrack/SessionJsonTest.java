package org.apptrack.web.apptrack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.apptrack.apptrack.api.SessionAttribute;
import org.apptrack.apptrack.api.SessionInfo;
import org.junit.jupiter.api.Test;

class SessionJsonTest {

    @Test
    void everyAttributeIsAFieldWithItsValue() {
        SessionInfo s = FakeAppTrackService.session(7, "10.1.1.1", 5555, "2001:db8::2", 443, 6, "HTTPS", "trust",
                "untrust");
        ObjectNode n = SessionJson.encode(s);
        List<String> names = new ArrayList<>();
        n.fieldNames().forEachRemaining(names::add);
        List<String> keys = new ArrayList<>();
        for (SessionAttribute a : SessionAttribute.values()) {
            keys.add(a.key());
            assertEquals(String.valueOf(s.value(a)), n.path(a.key()).asText(), a.key());
        }
        assertEquals(keys, names, "one field per attribute, in the attributes' order");
        assertEquals("2001:db8::2", n.path("serverAddress").asText());
        assertEquals("HTTPS", n.path("application").asText());
    }

    @Test
    void numbersAreNumbersAndTextIsText() {
        SessionInfo s = SessionInfo.builder().put(SessionAttribute.SESSION_ID, 1L << 31)
                .put(SessionAttribute.CLIENT_ADDRESS, "10.0.0.1").put(SessionAttribute.PROTOCOL, 17)
                .put(SessionAttribute.BYTES_FROM_CLIENT, 1L << 40).build();
        ObjectNode n = SessionJson.encode(s);
        assertTrue(n.path("sessionId").isIntegralNumber());
        assertEquals(1L << 31, n.path("sessionId").asLong());
        assertEquals(1L << 40, n.path("bytesFromClient").asLong());
        assertTrue(n.path("startMillis").isIntegralNumber());
        assertTrue(n.path("clientAddress").isTextual());
        assertEquals("", n.path("application").asText(), "an attribute not given is empty");
    }
}

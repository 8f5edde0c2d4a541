package org.apptrack.web.apptrack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import org.apptrack.apptrack.api.SessionInfo;
import org.junit.jupiter.api.Test;

class SessionJsonTest {


    @Test
    void everyAccessorOfSessionInfoIsAFieldWithItsValue() throws Exception {
        SessionInfo s = FakeAppTrackService.session(7, "10.1.1.1", 5555, "2001:db8::2", 443, 6, "HTTPS", "trust",
                "untrust");
        ObjectNode n = SessionJson.encode(s);
        List<String> missing = new ArrayList<>();
        for (Method m : SessionInfo.class.getDeclaredMethods()) {
            if (!Modifier.isPublic(m.getModifiers()) || Modifier.isStatic(m.getModifiers())
                    || m.getParameterCount() != 0) {
                continue;
            }
            Object value = m.invoke(s);
            if (!n.has(m.getName())) {
                missing.add(m.getName());
            } else if (value != null) {
                assertEquals(value.toString(), n.path(m.getName()).asText(), m.getName());
            }
        }
        assertTrue(missing.isEmpty(), "SessionInfo accessors not in the REST JSON, add them to SessionJson: "
                + missing);
    }

    @Test
    void numbersAreNumbersAndNullTextIsLeftOut() {
        SessionInfo s = SessionInfo.builder().sessionId(1L << 31).clientAddress("10.0.0.1").serverAddress("10.0.0.2")
                .protocol(17).bytesFromClient(1L << 40).build();
        ObjectNode n = SessionJson.encode(s);
        assertTrue(n.path("sessionId").isIntegralNumber());
        assertEquals(1L << 31, n.path("sessionId").asLong());
        assertEquals(1L << 40, n.path("bytesFromClient").asLong());
        assertFalse(n.has("application"));
        assertFalse(n.has("serviceName"));
    }
}

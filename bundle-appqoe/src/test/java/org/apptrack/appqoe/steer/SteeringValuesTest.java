package org.apptrack.appqoe.steer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class SteeringValuesTest {

    @Test
    void sessionChecksItsFieldsAndNamesThem() throws Exception {
        InetAddress v4 = InetAddress.getByName("192.0.2.1");
        InetAddress v6 = InetAddress.getByName("2001:db8::1");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new SteeredSession(5, 6, v4, 1000, v6, 443, "HTTPS"));
        assertTrue(e.getMessage().contains("session 5") && e.getMessage().contains("same IP version"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new SteeredSession(5, 6, v4, 70000, v4, 443, ""));
        assertTrue(e.getMessage().contains("client port"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new SteeredSession(5, 1, v4, 1, v4, 0, ""));
        assertTrue(e.getMessage().contains("has no ports"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new SteeredSession(5, 256, v4, 0, v4, 0, ""));

        SteeredSession s = new SteeredSession(5, 17, v6, 5000, v6, 53, null);
        assertFalse(s.isIpv4());
        assertTrue(s.hasPorts());
        assertEquals("", s.application());
        assertEquals(s, new SteeredSession(5, 17, v6, 5000, v6, 53, ""));
    }

    @Test
    void pathChecksItsFieldsAndNamesThem() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new SteeringPath("isp1", 256, "eth0", null, null));
        assertTrue(e.getMessage().contains("isp1") && e.getMessage().contains("index"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> new SteeringPath("isp1", 1, "an-interface-name-too-long", null, null));
        assertTrue(e.getMessage().contains("egress interface"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new SteeringPath(" ", 1, "eth0", null, null));
        assertThrows(IllegalArgumentException.class, () -> new SteeringPath("isp1", 1, "eth0", null, " "));
        assertEquals("isp1 #1 dev eth0", new SteeringPath("isp1", 1, "eth0", null, null).toString());
    }

    @Test
    void noSteeringDoesNothingAndSaysSo() throws Exception {
        NoSteering none = new NoSteering();
        assertEquals("none", none.name());
        assertFalse(none.steers());
        SteeringPath p = new SteeringPath("isp1", 1, "eth0", null, null);
        SteeredSession s = new SteeredSession(1, 6, InetAddress.getByName("192.0.2.1"), 1,
                InetAddress.getByName("192.0.2.2"), 2, "");
        none.preparePaths(List.of(p));
        none.steerAll(Map.of(s, p));
        none.releaseAll(List.of(s));
        none.close();
    }
}

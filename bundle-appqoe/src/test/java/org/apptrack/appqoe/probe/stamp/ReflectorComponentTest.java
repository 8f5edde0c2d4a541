package org.apptrack.appqoe.probe.stamp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The reflector component driven with configuration maps as Configuration Admin would. */
class ReflectorComponentTest {

    private final ReflectorComponent component = new ReflectorComponent();

    @AfterEach
    void tearDown() {
        component.deactivate();
    }

    private static Map<String, Object> config(Object enabled, Object address, Object port, Object dscp) {
        Map<String, Object> properties = new HashMap<>();
        properties.put("enabled", enabled);
        properties.put("address", address);
        properties.put("port", port);
        properties.put("dscp", dscp);
        return properties;
    }

    @Test
    void offByDefault() {
        component.activate(Map.of());
        assertNull(component.reflector());
    }

    @Test
    void enabledReflectorAnswersProbes() throws IOException {
        component.activate(config(true, "127.0.0.1", 0, 10));
        StampSessionReflector running = component.reflector();
        assertNotNull(running);
        try (DatagramSocket client = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            client.setSoTimeout(10_000);
            byte[] probe = new byte[44];
            probe[3] = 9;
            client.send(new DatagramPacket(probe, 44, running.localAddress()));
            DatagramPacket reply = new DatagramPacket(new byte[100], 100);
            client.receive(reply);
            assertEquals(44, reply.getLength());
            assertEquals(9, reply.getData()[27]);
        }
    }

    @Test
    void invalidUpdateKeepsTheRunningReflector() {
        component.activate(config(true, "127.0.0.1", 0, 10));
        StampSessionReflector running = component.reflector();
        component.modified(config(true, "127.0.0.1", 0, 99));
        assertSame(running, component.reflector());
        component.modified(config(true, "localhost.example", 0, 10));
        assertSame(running, component.reflector());
        component.modified(config(true, "127.0.0.1", "eight", 10));
        assertSame(running, component.reflector());
        assertNotNull(running.localAddress(), "still bound");
    }

    @Test
    void unbindableUpdateKeepsThePreviousSettings() throws IOException {
        try (DatagramSocket taken = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            component.activate(config(true, "127.0.0.1", 0, 10));
            component.modified(config(true, "127.0.0.1", taken.getLocalPort(), 10));
            assertEquals(0, component.reflector().settings().port());
            assertNotNull(component.reflector().localAddress());
        }
    }

    @Test
    void disablingStopsTheReflector() {
        component.activate(config(true, "127.0.0.1", 0, 0));
        StampSessionReflector running = component.reflector();
        component.modified(config(false, "127.0.0.1", 0, 0));
        assertNull(component.reflector());
        assertNull(running.localAddress());
    }
}

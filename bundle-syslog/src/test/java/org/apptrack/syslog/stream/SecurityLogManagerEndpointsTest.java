package org.apptrack.syslog.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apptrack.syslog.api.LogStreamEndpoint;
import org.apptrack.syslog.api.LogStreamsListener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The streams' network endpoints, the product's own log traffic, and the news that they changed. */
class SecurityLogManagerEndpointsTest {

    @TempDir
    Path dir;

    private SecurityLogManager manager;
    private final AtomicInteger changes = new AtomicInteger();
    private final LogStreamsListener listener = changes::incrementAndGet;

    @BeforeEach
    void start() {
        manager = new SecurityLogManager();
        manager.activate();
        manager.addStreamsListener(listener);
    }

    @AfterEach
    void stop() {
        manager.deactivate();
    }

    private static Map<String, Object> props(Object... kv) {
        Map<String, Object> m = new HashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    @Test
    void networkStreamsListTheirReceiverAndSourceAddressFileStreamsNothing() throws Exception {
        manager.apply("p.udp", props("name", "siem", "transport", "udp", "host", "127.0.0.1", "port", "5514"));
        manager.apply("p.tcp", props("name", "backup", "transport", "tcp", "host", "::1", "port", "6514",
                "sourceAddress", "::1"));
        manager.apply("p.file", props("name", "local", "transport", "file", "filePath", dir.resolve("f.log").toString()));
        List<LogStreamEndpoint> endpoints = manager.networkEndpoints();
        assertEquals(2, endpoints.size(), endpoints.toString());
        LogStreamEndpoint udp = endpoints.get(0);
        assertEquals("siem", udp.streamName());
        assertTrue(udp.datagram());
        assertEquals(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 5514), udp.remote());
        assertNull(udp.local(), "unbound: any address of this host");
        LogStreamEndpoint tcp = endpoints.get(1);
        assertEquals("tcp", tcp.transport());
        assertFalse(tcp.datagram());
        assertEquals(InetAddress.getByName("::1"), tcp.local());
        assertEquals(3, changes.get(), "one notice per stream started");
    }

    @Test
    void aRejectedUpdateKeepsTheEndpointInForceARemovalDropsIt() throws Exception {
        manager.apply("p.udp", props("name", "siem", "transport", "udp", "host", "127.0.0.1", "port", "5514"));
        manager.apply("p.udp", props("name", "siem", "transport", "udp", "host", "127.0.0.1", "port", "99999"));
        assertEquals(5514, manager.networkEndpoints().get(0).remote().getPort());
        manager.apply("p.udp", props("name", "siem", "transport", "udp", "host", "127.0.0.1", "port", "5515"));
        assertEquals(5515, manager.networkEndpoints().get(0).remote().getPort());
        int before = changes.get();
        manager.remove("p.udp");
        assertTrue(manager.networkEndpoints().isEmpty());
        assertEquals(before + 1, changes.get());
        manager.removeStreamsListener(listener);
        manager.apply("p.udp", props("name", "siem", "transport", "udp", "host", "127.0.0.1", "port", "5514"));
        assertEquals(before + 1, changes.get(), "removed listener not told");
    }
}

package org.apptrack.apptrack.owntraffic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apptrack.api.traffic.OwnTraffic;
import org.apptrack.api.traffic.OwnTrafficEvent;
import org.apptrack.api.traffic.OwnTrafficRule;
import org.apptrack.api.traffic.OwnTrafficSource;
import org.apptrack.api.traffic.OwnTrafficRule.Protocol;
import org.apptrack.syslog.api.LogStreamEndpoint;
import org.apptrack.syslog.api.SecurityLogService;
import org.junit.jupiter.api.Test;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.cm.ConfigurationEvent;

/**
 * The manager's set, composed from the streams, the container's listeners in ConfigAdmin, the SSH
 * login and the operator's endpoints, with wildcards turned into this host's addresses.
 */
class OwnTrafficManagerTest {

    private final SecurityLogService securityLog = mock(SecurityLogService.class);
    private final ConfigurationAdmin configAdmin = mock(ConfigurationAdmin.class);
    private final Map<String, Dictionary<String, Object>> configs = new HashMap<>();
    private List<InetAddress> host = List.of(ip("127.0.0.1"), ip("192.0.2.10"), ip("::1"));
    private final List<OwnTraffic> events = new ArrayList<>();
    private final OwnTrafficManager manager = new OwnTrafficManager();

    OwnTrafficManagerTest() throws Exception {
        when(securityLog.networkEndpoints()).thenReturn(List.of());
        when(configAdmin.listConfigurations(anyString())).thenAnswer(inv -> {
            String filter = inv.getArgument(0);
            String pid = filter.substring("(service.pid=".length(), filter.length() - 1);
            Dictionary<String, Object> props = configs.get(pid);
            if (props == null) {
                return null;
            }
            Configuration c = mock(Configuration.class);
            when(c.getProperties()).thenReturn(props);
            return new Configuration[] {c};
        });
        manager.addListener(event -> {
            assertEquals(OwnTrafficEvent.Type.OWN_TRAFFIC_CHANGED, event.type());
            events.add(event.subject());
        });
    }

    private static InetAddress ip(String text) {
        try {
            return InetAddress.getByName(text);
        } catch (java.net.UnknownHostException e) {
            throw new AssertionError(e);
        }
    }

    private void start(String sshConnection, Map<String, Object> appTrackConfig) {
        manager.bind(securityLog, configAdmin, () -> host, sshConnection);
        manager.activate(appTrackConfig);
    }

    private static Dictionary<String, Object> dict(Object... kv) {
        Dictionary<String, Object> d = new Hashtable<>();
        for (int i = 0; i < kv.length; i += 2) {
            d.put((String) kv[i], kv[i + 1]);
        }
        return d;
    }

    private OwnTrafficRule rule(String originStart) {
        List<OwnTrafficRule> found = manager.ownTraffic().rules().stream()
                .filter(r -> r.origin().startsWith(originStart)).collect(Collectors.toList());
        assertEquals(1, found.size(), originStart + " in " + manager.ownTraffic());
        return found.get(0);
    }

    @Test
    void theDistributionsListenersAndStreamsMakeTheSet() throws Exception {
        configs.put("org.apache.karaf.shell", dict("sshPort", "8101", "sshHost", "0.0.0.0"));
        configs.put("org.ops4j.pax.web", dict("org.osgi.service.http.enabled", "true",
                "org.osgi.service.http.port", "8181", "org.osgi.service.http.secure.enabled", "false"));
        configs.put("org.apache.karaf.management", dict("rmiRegistryPort", "1099", "rmiRegistryHost", "127.0.0.1",
                "rmiServerPort", "44444", "rmiServerHost", "127.0.0.1", "jmxmpEnabled", "false"));
        when(securityLog.networkEndpoints()).thenReturn(List.of(
                new LogStreamEndpoint("siem", "udp", new InetSocketAddress(ip("198.51.100.5"), 514), null),
                new LogStreamEndpoint("backup", "tls", new InetSocketAddress(ip("2001:db8::5"), 6514),
                        ip("::1"))));
        start(null, Map.of());
        try {
            assertEquals(6, manager.ownTraffic().rules().size(), manager.ownTraffic().toString());
            OwnTrafficRule ssh = rule("Karaf SSH");
            assertEquals(Protocol.TCP, ssh.protocol());
            assertEquals(8101, ssh.port());
            assertEquals(host, ssh.addresses(), "wildcard: this host's addresses, not any address");
            assertTrue(ssh.peers().isEmpty(), "any client");
            assertEquals(8181, rule("HTTP").port());
            assertEquals(List.of(ip("127.0.0.1")), rule("JMX RMI registry").addresses());
            assertEquals(44444, rule("JMX RMI server").port());
            OwnTrafficRule siem = rule("security-log stream siem");
            assertEquals(Protocol.UDP, siem.protocol());
            assertEquals(List.of(ip("198.51.100.5")), siem.addresses());
            assertEquals(514, siem.port());
            assertEquals(host, siem.peers(), "unbound: sent from any address of this host");
            OwnTrafficRule backup = rule("security-log stream backup");
            assertEquals(Protocol.TCP, backup.protocol(), "TLS runs over TCP");
            assertEquals(List.of(ip("::1")), backup.peers(), "its sourceAddress");
            assertEquals(1, events.size(), "one event for the first set");
        } finally {
            manager.deactivate();
        }
    }

    @Test
    void httpsAndJmxmpWhenEnabledSpecificListeningAddressesAndDefaultsForMissingKeys() throws Exception {
        configs.put("org.ops4j.pax.web", dict("org.osgi.service.http.enabled", "false",
                "org.osgi.service.http.secure.enabled", "true", "org.ops4j.pax.web.listening.addresses",
                "127.0.0.1, ::1"));
        configs.put("org.apache.karaf.management", dict("jmxmpEnabled", "true", "jmxmpPort", "9998"));
        configs.put("org.apache.karaf.shell", dict("sshHost", "localhost"));
        start(null, Map.of());
        try {
            OwnTrafficRule https = rule("HTTPS");
            assertEquals(8443, https.port(), "Pax Web's default secure port");
            assertEquals(List.of(ip("127.0.0.1"), ip("::1")), https.addresses());
            assertEquals(9998, rule("JMXMP").port());
            assertEquals(8101, rule("Karaf SSH").port(), "Karaf's default port");
            assertTrue(rule("Karaf SSH").addresses().contains(ip("127.0.0.1")), "localhost resolved");
            assertEquals(1099, rule("JMX RMI registry").port());
            assertEquals(host, rule("JMX RMI registry").addresses(), "no host given: every address");
            assertTrue(manager.ownTraffic().rules().stream().noneMatch(r -> r.origin().startsWith("HTTP (")),
                    "HTTP disabled");
        } finally {
            manager.deactivate();
        }
    }

    @Test
    void theSshLoginAndTheOperatorsEndpointsAreIncluded() {
        start("198.51.100.9 52314 192.0.2.10 22",
                Map.of("managementEndpoints", "tcp/22, udp/[2001:db8::7]:161, udp/0.0.0.0:123"));
        try {
            OwnTrafficRule login = rule("SSH login");
            assertEquals(List.of(ip("192.0.2.10")), login.addresses());
            assertEquals(22, login.port());
            assertEquals(List.of(ip("198.51.100.9")), login.peers());
            assertEquals(52314, login.peerPort());
            OwnTrafficRule sshd = rule("managementEndpoints tcp/22");
            assertEquals(host, sshd.addresses());
            assertTrue(sshd.peers().isEmpty());
            assertEquals(List.of(ip("2001:db8::7")), rule("managementEndpoints udp/[2001:db8::7]:161").addresses());
            assertEquals(host, rule("managementEndpoints udp/0.0.0.0:123").addresses());
        } finally {
            manager.deactivate();
        }
    }

    @Test
    void anInvalidEndpointListIsRefusedAndThePreviousStays() {
        start(null, Map.of("managementEndpoints", "tcp/22"));
        try {
            manager.modified(Map.of("managementEndpoints", "tcp/22, ssh/22"));
            manager.recompute();
            assertEquals(22, rule("managementEndpoints tcp/22").port());
            manager.modified(Map.of("managementEndpoints", "tcp/22", "maxSessions", "zero"));
            manager.recompute();
            assertEquals(1, manager.ownTraffic().rules().size(), "a configuration AppTrack refuses changes nothing");
            manager.modified(Map.of("managementEndpoints", "udp/161"));
            manager.recompute();
            assertEquals(161, rule("managementEndpoints udp/161").port());
        } finally {
            manager.deactivate();
        }
    }

    @Test
    void listenersHearOfChangesOnlyAndOfNewHostAddresses() throws Exception {
        configs.put("org.apache.karaf.shell", dict("sshPort", "8101"));
        start(null, Map.of());
        try {
            assertEquals(1, events.size());
            manager.recompute();
            assertEquals(1, events.size(), "nothing changed, nothing told");
            host = List.of(ip("127.0.0.1"), ip("192.0.2.10"), ip("192.0.2.11"), ip("::1"));
            manager.recompute();
            assertEquals(2, events.size());
            assertTrue(events.get(1).rules().get(0).addresses().contains(ip("192.0.2.11")));
            configs.put("org.apache.karaf.shell", dict("sshPort", "8102"));
            ConfigurationEvent changed = mock(ConfigurationEvent.class);
            when(changed.getPid()).thenReturn("org.apache.karaf.shell");
            manager.configurationEvent(changed);
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (events.size() < 3 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertEquals(8102, events.get(events.size() - 1).rules().get(0).port(), "recomputed on its thread");
            assertEquals(3, events.size());
        } finally {
            manager.deactivate();
        }
    }

    /** A part of the product with its own traffic, as AppQoE's probes and reflector are. */
    private static final class Source implements OwnTrafficSource {
        volatile List<OwnTrafficRule> rules = List.of();
        volatile List<InetAddress> askedWith;
        final List<Runnable> listeners = new java.util.concurrent.CopyOnWriteArrayList<>();

        @Override
        public List<OwnTrafficRule> ownTrafficRules(List<InetAddress> hostAddresses) {
            askedWith = hostAddresses;
            if (rules == null) {
                throw new IllegalStateException("broken");
            }
            return rules;
        }

        @Override
        public void addChangeListener(Runnable listener) {
            listeners.add(listener);
        }

        @Override
        public void removeChangeListener(Runnable listener) {
            listeners.remove(listener);
        }

        void changed() {
            listeners.forEach(Runnable::run);
        }
    }

    private void awaitEvents(int n) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (events.size() < n && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertEquals(n, events.size());
    }

    @Test
    void thePartsOfTheProductThatSendTrafficAddTheirRulesAndTheirChanges() throws Exception {
        Source probes = new Source();
        probes.rules = List.of(new OwnTrafficRule(Protocol.UDP, List.of(ip("203.0.113.9")), 862,
                List.of(ip("192.0.2.10")), 0, "AppQoE probe stamp on wan.up1"));
        manager.addSource(probes); // before activation, as a source may
        start(null, Map.of());
        try {
            OwnTrafficRule stamp = rule("AppQoE probe");
            assertEquals(862, stamp.port());
            assertEquals(List.of(ip("192.0.2.10")), stamp.peers());
            assertEquals(host, probes.askedWith, "told this host's addresses");
            assertEquals(1, probes.listeners.size());
            probes.rules = List.of(new OwnTrafficRule(Protocol.TCP, List.of(ip("203.0.113.80")), 443,
                    host, 0, "AppQoE probe http on wan.up1"));
            probes.changed();
            awaitEvents(2);
            assertEquals(443, rule("AppQoE probe").port(), "the new configuration's probes");
            probes.rules = null; // a source that fails is left out, the rest stays
            probes.changed();
            awaitEvents(3);
            assertTrue(manager.ownTraffic().rules().stream().noneMatch(r -> r.origin().startsWith("AppQoE")));
            probes.rules = List.of(stamp);
            probes.changed();
            awaitEvents(4);
            manager.removeSource(probes);
            awaitEvents(5);
            assertTrue(manager.ownTraffic().rules().isEmpty(), "gone with its source");
            assertTrue(probes.listeners.isEmpty());
        } finally {
            manager.deactivate();
        }
    }

    @Test
    void aStreamWithoutKnownHostAddressesIsLeftInRatherThanMatchingEverySender() throws Exception {
        host = List.of();
        when(securityLog.networkEndpoints()).thenReturn(List.of(
                new LogStreamEndpoint("siem", "udp", new InetSocketAddress(ip("198.51.100.5"), 514), null)));
        start("not an ssh connection", Map.of());
        try {
            assertTrue(manager.ownTraffic().isEmpty(), manager.ownTraffic().toString());
        } finally {
            manager.deactivate();
        }
    }
}

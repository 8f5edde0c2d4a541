package org.apptrack.apptrack.owntraffic;

import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.apptrack.api.traffic.OwnTrafficRule.Protocol;

/**
 * The listeners of the Karaf container the product runs in, as ConfigAdmin holds them: the SSH
 * console, Pax Web's HTTP and HTTPS connectors and the JMX connectors. A PID without a
 * configuration means the listener is not there (the feature is not installed); a missing key
 * means the component's own default, as the component reads it.
 */
final class KarafListeners {

    static final String SHELL = "org.apache.karaf.shell";
    static final String PAX_WEB = "org.ops4j.pax.web";
    static final String MANAGEMENT = "org.apache.karaf.management";
    /** The PIDs whose changes change the listeners. */
    static final Set<String> PIDS = Set.of(SHELL, PAX_WEB, MANAGEMENT);

    private KarafListeners() {
    }

    /**
     * @param configurations the properties of a PID, or null when it has no configuration
     */
    static void addTo(OwnTrafficBuilder rules, Function<String, Dictionary<String, ?>> configurations) {
        Dictionary<String, ?> shell = configurations.apply(SHELL);
        if (shell != null) {
            rules.listener(Protocol.TCP, hosts(shell, "sshHost", "0.0.0.0"), port(shell, "sshPort", 8101),
                    "Karaf SSH (" + SHELL + " sshPort)");
        }
        Dictionary<String, ?> web = configurations.apply(PAX_WEB);
        if (web != null) {
            List<String> hosts = hosts(web, "org.ops4j.pax.web.listening.addresses", "0.0.0.0");
            if (flag(web, "org.osgi.service.http.enabled", true)) {
                rules.listener(Protocol.TCP, hosts, port(web, "org.osgi.service.http.port", 8080),
                        "HTTP (" + PAX_WEB + " org.osgi.service.http.port)");
            }
            if (flag(web, "org.osgi.service.http.secure.enabled", false)) {
                rules.listener(Protocol.TCP, hosts, port(web, "org.osgi.service.http.port.secure", 8443),
                        "HTTPS (" + PAX_WEB + " org.osgi.service.http.port.secure)");
            }
        }
        Dictionary<String, ?> jmx = configurations.apply(MANAGEMENT);
        if (jmx != null) {
            rules.listener(Protocol.TCP, hosts(jmx, "rmiRegistryHost", ""), port(jmx, "rmiRegistryPort", 1099),
                    "JMX RMI registry (" + MANAGEMENT + " rmiRegistryPort)");
            rules.listener(Protocol.TCP, hosts(jmx, "rmiServerHost", "0.0.0.0"), port(jmx, "rmiServerPort", 44444),
                    "JMX RMI server (" + MANAGEMENT + " rmiServerPort)");
            if (flag(jmx, "jmxmpEnabled", false)) {
                rules.listener(Protocol.TCP, hosts(jmx, "jmxmpHost", "0.0.0.0"), port(jmx, "jmxmpPort", 9999),
                        "JMXMP (" + MANAGEMENT + " jmxmpPort)");
            }
        }
    }

    /** The addresses a listener binds: comma-separated (or an array), the default when unset. */
    private static List<String> hosts(Dictionary<String, ?> props, String key, String fallback) {
        List<String> hosts = new ArrayList<>();
        for (String v : values(props.get(key))) {
            for (String h : v.split(",")) {
                if (!h.isBlank()) {
                    hosts.add(h.trim());
                }
            }
        }
        if (hosts.isEmpty()) {
            hosts.add(fallback);
        }
        return hosts;
    }

    /** The port, the default when unset, 0 (no listener) when it is not a number. */
    private static int port(Dictionary<String, ?> props, String key, int fallback) {
        Object v = props.get(key);
        if (v == null || v.toString().isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(v.toString().trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static boolean flag(Dictionary<String, ?> props, String key, boolean fallback) {
        Object v = props.get(key);
        return v == null || v.toString().isBlank() ? fallback : Boolean.parseBoolean(v.toString().trim());
    }

    private static List<String> values(Object v) {
        List<String> out = new ArrayList<>();
        if (v == null) {
            return out;
        }
        if (v.getClass().isArray()) {
            for (int i = 0; i < Array.getLength(v); i++) {
                out.add(String.valueOf(Array.get(v, i)));
            }
        } else if (v instanceof Iterable) {
            for (Object o : (Iterable<?>) v) {
                out.add(String.valueOf(o));
            }
        } else {
            out.add(v.toString());
        }
        return out;
    }
}

package org.apptrack.apptrack.appid.custom;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.apptrack.apptrack.appid.catalog.HostNameMatcher;
import org.apptrack.apptrack.appid.catalog.HostPattern;
import org.apptrack.apptrack.engine.zone.AddressPrefix;

/**
 * The operator's own applications (Junos {@code services application-identification application
 * NAME}), from the configuration's {@code customApplication.NAME.*} properties:
 * <ul>
 *   <li>{@code over}: {@code HTTP} or {@code SSL}, a nested application named by the host its
 *       sessions carry ({@code hosts}: the contexts {@code http-header-host} and
 *       {@code ssl-server-name}); or {@code TCP} or {@code UDP}, an application named by its
 *       servers ({@code addresses}, {@code ports}: Junos address-mapping and port ranges);</li>
 *   <li>{@code hosts}: host names, {@code *.example.com} for a domain and everything under it;</li>
 *   <li>{@code addresses}: IPv4/IPv6 prefixes or addresses; {@code ports}: ports and ranges
 *       ({@code 8443, 9000-9010}); at least one of the two for TCP and UDP.</li>
 * </ul>
 * Their ids start at {@link #FIRST_ID}, above every catalog id; they are logged with category
 * {@code custom application} and sub-category {@code N/A}, as an SRX logs them. Immutable.
 */
public final class CustomApplications {

    /** The id of the first custom application (catalog ids stay below it). */
    public static final int FIRST_ID = 0x8000;
    /** The most custom applications. */
    public static final int MAX = 1024;
    public static final String CATEGORY = "custom application";
    public static final String PREFIX = "customApplication.";

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,62}");
    private static final CustomApplications NONE = new CustomApplications(List.of(), HostNameMatcher.empty());

    /** One custom application. */
    public static final class Definition {
        private final String name;
        private final String over;
        private final List<HostPattern> hosts;
        private final List<AddressPrefix> addresses;
        private final int[] portRanges;

        Definition(String name, String over, List<HostPattern> hosts, List<AddressPrefix> addresses,
                   int[] portRanges) {
            this.name = name;
            this.over = over;
            this.hosts = hosts;
            this.addresses = addresses;
            this.portRanges = portRanges;
        }

        /** The name as logged (upper case, as Junos shows application names). */
        public String name() {
            return name;
        }

        /** {@code HTTP}, {@code SSL}, {@code TCP} or {@code UDP}. */
        public String over() {
            return over;
        }

        /** The IP protocol of an address/port application (6 or 17), 0 for HTTP and SSL. */
        int protocol() {
            return "TCP".equals(over) ? 6 : "UDP".equals(over) ? 17 : 0;
        }

        boolean matchesServer(int protocol, long high, long low, int port) {
            if (protocol != protocol()) {
                return false;
            }
            boolean address = addresses.isEmpty();
            for (AddressPrefix p : addresses) {
                address |= p.matches(high, low);
            }
            boolean inPorts = portRanges.length == 0;
            for (int i = 0; i < portRanges.length && !inPorts; i += 2) {
                inPorts = port >= portRanges[i] && port <= portRanges[i + 1];
            }
            return address && inPorts;
        }
    }

    private final List<Definition> definitions;
    private final HostNameMatcher hosts;

    private CustomApplications(List<Definition> definitions, HostNameMatcher hosts) {
        this.definitions = definitions;
        this.hosts = hosts;
    }

    public static CustomApplications none() {
        return NONE;
    }

    /**
     * The custom applications of a configuration.
     *
     * @throws IllegalArgumentException naming the property ({@code customApplication.NAME.field}) that is wrong
     */
    public static CustomApplications parse(Map<String, ?> props) {
        Map<String, Map<String, String>> byName = new TreeMap<>();
        for (Map.Entry<String, ?> e : props.entrySet()) {
            String key = e.getKey();
            if (!key.startsWith(PREFIX)) {
                continue;
            }
            int dot = key.lastIndexOf('.');
            String name = dot > PREFIX.length() ? key.substring(PREFIX.length(), dot) : "";
            String field = key.substring(dot + 1);
            if (!NAME.matcher(name).matches()) {
                throw new IllegalArgumentException(key + ": the name must be 1..63 letters, digits, '-' or '_'");
            }
            if (!List.of("over", "hosts", "addresses", "ports").contains(field)) {
                throw new IllegalArgumentException(key + ": unknown field (over, hosts, addresses, ports)");
            }
            byName.computeIfAbsent(name, n -> new TreeMap<>()).put(field, String.valueOf(e.getValue()).trim());
        }
        if (byName.isEmpty()) {
            return NONE;
        }
        if (byName.size() > MAX) {
            throw new IllegalArgumentException(PREFIX + "*: at most " + MAX + " custom applications");
        }
        List<Definition> definitions = new ArrayList<>();
        HostNameMatcher.Builder hostRules = HostNameMatcher.builder();
        for (Map.Entry<String, Map<String, String>> e : byName.entrySet()) {
            Definition d = definition(e.getKey(), e.getValue());
            int id = FIRST_ID + definitions.size();
            for (HostPattern h : d.hosts) {
                try {
                    hostRules.add(h, id);
                } catch (IllegalArgumentException ex) {
                    throw new IllegalArgumentException(PREFIX + e.getKey() + ".hosts: " + h + " is in two custom applications");
                }
            }
            definitions.add(d);
        }
        return new CustomApplications(Collections.unmodifiableList(definitions), hostRules.build());
    }

    private static Definition definition(String name, Map<String, String> fields) {
        String key = PREFIX + name + ".";
        String over = fields.getOrDefault("over", "").toUpperCase(Locale.ROOT);
        if (!List.of("HTTP", "SSL", "TCP", "UDP").contains(over)) {
            throw new IllegalArgumentException(key + "over: not HTTP, SSL, TCP or UDP: '" + fields.get("over") + "'");
        }
        List<HostPattern> hosts = new ArrayList<>();
        for (String h : list(fields.get("hosts"))) {
            try {
                hosts.add(HostPattern.parse(h));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(key + "hosts: " + e.getMessage(), e);
            }
        }
        List<AddressPrefix> addresses = new ArrayList<>();
        for (String a : list(fields.get("addresses"))) {
            try {
                addresses.add(AddressPrefix.parse(a));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(key + "addresses: " + e.getMessage(), e);
            }
        }
        int[] ports = ports(key + "ports", list(fields.get("ports")));
        boolean named = over.equals("HTTP") || over.equals("SSL");
        if (named && hosts.isEmpty()) {
            throw new IllegalArgumentException(key + "hosts: an application over " + over + " needs at least one host");
        }
        if (named && (!addresses.isEmpty() || ports.length > 0)) {
            throw new IllegalArgumentException(key + "addresses: an application over " + over
                    + " is named by its hosts; addresses and ports are for TCP and UDP");
        }
        if (!named && !hosts.isEmpty()) {
            throw new IllegalArgumentException(key + "hosts: an application over " + over
                    + " is named by addresses and ports; hosts are for HTTP and SSL");
        }
        if (!named && addresses.isEmpty() && ports.length == 0) {
            throw new IllegalArgumentException(key + "addresses: an application over " + over
                    + " needs addresses, ports or both");
        }
        return new Definition(name.toUpperCase(Locale.ROOT), over, List.copyOf(hosts), List.copyOf(addresses), ports);
    }

    private static List<String> list(String value) {
        List<String> out = new ArrayList<>();
        if (value != null) {
            for (String part : value.split(",")) {
                if (!part.trim().isEmpty()) {
                    out.add(part.trim());
                }
            }
        }
        return out;
    }

    private static int[] ports(String key, List<String> values) {
        int[] ranges = new int[values.size() * 2];
        for (int i = 0; i < values.size(); i++) {
            String v = values.get(i);
            int dash = v.indexOf('-');
            try {
                int from = Integer.parseInt(dash < 0 ? v : v.substring(0, dash).trim());
                int to = dash < 0 ? from : Integer.parseInt(v.substring(dash + 1).trim());
                if (from < 1 || to > 65535 || from > to) {
                    throw new IllegalArgumentException(key + ": not a port or range in 1..65535: '" + v + "'");
                }
                ranges[2 * i] = from;
                ranges[2 * i + 1] = to;
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(key + ": not a port or range in 1..65535: '" + v + "'", e);
            }
        }
        return ranges;
    }

    public List<Definition> definitions() {
        return definitions;
    }

    /** Whether {@code id} is a custom application's. */
    public static boolean isCustom(int id) {
        return id >= FIRST_ID;
    }

    /** The custom application's name, or null when {@code id} is none of these. */
    public String name(int id) {
        int i = id - FIRST_ID;
        return i >= 0 && i < definitions.size() ? definitions.get(i).name() : null;
    }

    /** The custom application (over HTTP or SSL) a host name belongs to, or 0. Allocation-free. */
    public int hostApplication(byte[] name, int length) {
        return definitions.isEmpty() ? 0 : Math.max(0, hosts.match(name, 0, length));
    }

    /** The custom application (over TCP or UDP) a session's server belongs to, or 0. */
    public int serverApplication(int protocol, long high, long low, int port) {
        for (int i = 0; i < definitions.size(); i++) {
            if (definitions.get(i).matchesServer(protocol, high, low, port)) {
                return FIRST_ID + i;
            }
        }
        return 0;
    }
}

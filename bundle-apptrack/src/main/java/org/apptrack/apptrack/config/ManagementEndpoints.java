package org.apptrack.apptrack.config;

import java.lang.reflect.Array;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apptrack.api.traffic.OwnTrafficRule.Protocol;

/**
 * Parses {@code managementEndpoints}: comma-separated {@code PROTOCOL/PORT} (a port of this
 * host) or {@code PROTOCOL/ADDRESS:PORT} (an endpoint anywhere, IPv6 in brackets), protocol
 * {@code tcp} or {@code udp}. Addresses are literals: a name would need DNS each time the
 * configuration is read, and its answer could change what is tracked without anyone seeing it.
 */
public final class ManagementEndpoints {

    public static final String PROPERTY = "managementEndpoints";
    /** A bound on what the capture filter carries. */
    public static final int MAX = 64;

    private static final Pattern ENDPOINT = Pattern.compile(
            "(?<protocol>[A-Za-z]+)/(?:(?:\\[(?<v6>[0-9A-Fa-f:.]+)]|(?<v4>\\d{1,3}(?:\\.\\d{1,3}){3})):)?"
                    + "(?<port>\\d{1,5})");

    private ManagementEndpoints() {
    }

    /**
     * @param value the property: a comma-separated string, a string array or a collection; null for none
     * @throws IllegalArgumentException naming {@value #PROPERTY} and the entry it rejects
     */
    public static List<ManagementEndpoint> parse(Object value) {
        List<ManagementEndpoint> result = new ArrayList<>();
        for (String item : items(value)) {
            ManagementEndpoint e = parseOne(item);
            if (!result.contains(e)) {
                result.add(e);
            }
        }
        if (result.size() > MAX) {
            throw new IllegalArgumentException(PROPERTY + ": more than " + MAX + " endpoints (" + result.size() + ")");
        }
        return List.copyOf(result);
    }

    private static ManagementEndpoint parseOne(String item) {
        Matcher m = ENDPOINT.matcher(item);
        if (!m.matches()) {
            throw new IllegalArgumentException(PROPERTY + ": '" + item + "' is not PROTOCOL/PORT or"
                    + " PROTOCOL/ADDRESS:PORT (e.g. tcp/22, udp/192.0.2.1:161, tcp/[2001:db8::1]:22)");
        }
        Protocol protocol;
        try {
            protocol = Protocol.valueOf(m.group("protocol").toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(PROPERTY + ": '" + item + "': unknown protocol '" + m.group("protocol")
                    + "' (use tcp or udp)", e);
        }
        int port = Integer.parseInt(m.group("port"));
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException(PROPERTY + ": '" + item + "': port out of range 1..65535");
        }
        String literal = m.group("v6") != null ? m.group("v6") : m.group("v4");
        InetAddress address = null;
        if (literal != null) {
            address = literal(item, literal, m.group("v6") != null);
            if (address.isAnyLocalAddress()) {
                address = null; // 0.0.0.0 / [::]: every address of this host, as a wildcard listener
            }
        }
        return new ManagementEndpoint(protocol, address, port, item.toLowerCase(Locale.ROOT));
    }

    private static InetAddress literal(String item, String text, boolean v6) {
        if (v6 && text.indexOf(':') < 0 || !v6 && !validDottedQuad(text)) {
            throw new IllegalArgumentException(PROPERTY + ": '" + item + "': not an IP address: " + text);
        }
        try {
            return InetAddress.getByName(text); // a literal: no name lookup
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(PROPERTY + ": '" + item + "': not an IP address: " + text, e);
        }
    }

    private static boolean validDottedQuad(String text) {
        for (String part : text.split("\\.")) {
            if (Integer.parseInt(part) > 255) {
                return false;
            }
        }
        return true;
    }

    private static List<String> items(Object value) {
        List<String> raw = new ArrayList<>();
        if (value == null) {
            return raw;
        }
        if (value.getClass().isArray()) {
            for (int i = 0; i < Array.getLength(value); i++) {
                raw.add(String.valueOf(Array.get(value, i)));
            }
        } else if (value instanceof Collection) {
            for (Object o : (Collection<?>) value) {
                raw.add(String.valueOf(o));
            }
        } else {
            raw.add(value.toString());
        }
        List<String> items = new ArrayList<>();
        for (String r : raw) {
            for (String part : r.split(",")) {
                if (!part.isBlank()) {
                    items.add(part.trim());
                }
            }
        }
        return items;
    }
}

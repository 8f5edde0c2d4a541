package org.apptrack.appqoe.config;

import io.netty.util.NetUtil;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The fields of one configured object (the keys under {@code prefix}, e.g. {@code slaRule.sla1.}),
 * read so that every error message starts with the full key. Values are already trimmed text;
 * lists are comma-separated.
 */
final class KeyedFields {

    /** Junos-like object names: up to 63 letters, digits, '-' or '_', starting with a letter or digit. */
    static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,62}");

    private final String prefix;
    private final SortedMap<String, String> values;

    KeyedFields(String prefix, SortedMap<String, String> values) {
        this.prefix = prefix;
        this.values = values;
    }

    /** The full key of a field, for messages. */
    String key(String field) {
        return prefix + field;
    }

    String prefix() {
        return prefix;
    }

    IllegalArgumentException error(String field, String message) {
        return new IllegalArgumentException(key(field) + ": " + message);
    }

    /** Rejects fields outside {@code allowed}; {@code nested} names sub-objects (e.g. "path") kept for {@link #children}. */
    void allowOnly(Set<String> allowed, Set<String> nested) {
        for (String field : values.keySet()) {
            int dot = field.indexOf('.');
            if (!allowed.contains(field) && !(dot > 0 && nested.contains(field.substring(0, dot)))) {
                List<String> all = new ArrayList<>(new java.util.TreeSet<>(allowed));
                for (String n : nested) {
                    all.add(n + ".NAME.*");
                }
                throw error(field, "unknown key (known: " + String.join(", ", all) + ")");
            }
        }
    }

    /** The sub-objects {@code kind.NAME.field} by NAME, in name order. */
    SortedMap<String, KeyedFields> children(String kind) {
        SortedMap<String, SortedMap<String, String>> byName = new TreeMap<>();
        String start = kind + ".";
        for (Map.Entry<String, String> e : values.entrySet()) {
            if (!e.getKey().startsWith(start)) {
                continue;
            }
            String rest = e.getKey().substring(start.length());
            int dot = rest.indexOf('.');
            String name = dot > 0 ? rest.substring(0, dot) : rest;
            if (dot <= 0 || dot == rest.length() - 1 || !NAME.matcher(name).matches()) {
                throw error(e.getKey(), "expected " + kind + ".NAME.FIELD, NAME being 1-63 letters, digits, '-' or '_'");
            }
            byName.computeIfAbsent(name, n -> new TreeMap<>()).put(rest.substring(dot + 1), e.getValue());
        }
        SortedMap<String, KeyedFields> out = new TreeMap<>();
        byName.forEach((name, fields) -> out.put(name, new KeyedFields(prefix + start + name + ".", fields)));
        return out;
    }

    boolean has(String field) {
        String v = values.get(field);
        return v != null && !v.isEmpty();
    }

    /** The text, or null when absent or empty. */
    String text(String field) {
        String v = values.get(field);
        return v == null || v.isEmpty() ? null : v;
    }

    String text(String field, String fallback) {
        String v = text(field);
        return v == null ? fallback : v;
    }

    String required(String field) {
        String v = text(field);
        if (v == null) {
            throw error(field, "missing");
        }
        return v;
    }

    /** A comma-separated list, empty when absent. */
    List<String> list(String field) {
        String v = text(field);
        if (v == null) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (String item : v.split(",")) {
            String t = item.trim();
            if (t.isEmpty()) {
                throw error(field, "empty item in list '" + v + "'");
            }
            out.add(t);
        }
        return Collections.unmodifiableList(out);
    }

    long number(String field, long fallback, long min, long max) {
        String v = text(field);
        if (v == null) {
            return fallback;
        }
        long n;
        try {
            n = v.startsWith("0x") || v.startsWith("0X") ? Long.parseLong(v.substring(2), 16) : Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw error(field, "not a whole number: '" + v + "'");
        }
        if (n < min || n > max) {
            throw error(field, "must be " + min + "-" + max + ", was " + n);
        }
        return n;
    }

    int integer(String field, int fallback, int min, int max) {
        return (int) number(field, fallback, min, max);
    }

    double decimal(String field, double fallback, double min, double max) {
        String v = text(field);
        if (v == null) {
            return fallback;
        }
        double d;
        try {
            d = Double.parseDouble(v);
        } catch (NumberFormatException e) {
            throw error(field, "not a number: '" + v + "'");
        }
        if (!(d >= min && d <= max)) {
            throw error(field, "must be " + plain(min) + "-" + plain(max) + ", was " + v);
        }
        return d;
    }

    private static String plain(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }

    boolean bool(String field, boolean fallback) {
        String v = text(field);
        if (v == null) {
            return fallback;
        }
        String t = v.toLowerCase(Locale.ROOT);
        if (!t.equals("true") && !t.equals("false")) {
            throw error(field, "not true or false: '" + v + "'");
        }
        return Boolean.parseBoolean(t);
    }

    Duration duration(String field, Duration fallback, Duration min, Duration max) {
        String v = text(field);
        if (v == null) {
            return fallback;
        }
        Duration d;
        try {
            d = Durations.parse(v);
        } catch (IllegalArgumentException e) {
            throw error(field, e.getMessage());
        }
        if (d.compareTo(min) < 0 || d.compareTo(max) > 0) {
            throw error(field, "must be " + Durations.format(min) + "-" + Durations.format(max) + ", was " + v);
        }
        return d;
    }

    /** One of {@code choices} (case-insensitive), returned as spelled in {@code choices}. */
    String choice(String field, String fallback, String... choices) {
        String v = text(field);
        if (v == null) {
            return fallback;
        }
        for (String c : choices) {
            if (c.equalsIgnoreCase(v)) {
                return c;
            }
        }
        throw error(field, "must be " + String.join(", ", choices) + ", was '" + v + "'");
    }

    /** A literal IP address (no name lookup: parsing stays free of side effects), or null when absent. */
    InetAddress address(String field) {
        String v = text(field);
        if (v == null) {
            return null;
        }
        InetAddress a = literalAddress(v);
        if (a == null) {
            throw error(field, "not a literal IPv4 or IPv6 address: '" + v + "'");
        }
        return a;
    }

    static InetAddress literalAddress(String text) {
        return NetUtil.createInetAddressFromIpAddressString(text);
    }
}

package org.apptrack.capture.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The live source's validated configuration; {@link #parse} names the property it rejects. */
public final class CaptureSettings {

    public static final String PID = "org.apptrack.capture";

    private final boolean live;
    private final List<String> interfaces;
    private final String filter;
    private final int snapLength;
    private final boolean promiscuous;
    private final int bufferBytes;

    private CaptureSettings(boolean live, List<String> interfaces, String filter, int snapLength,
                            boolean promiscuous, int bufferBytes) {
        this.live = live;
        this.interfaces = Collections.unmodifiableList(interfaces);
        this.filter = filter;
        this.snapLength = snapLength;
        this.promiscuous = promiscuous;
        this.bufferBytes = bufferBytes;
    }

    /**
     * @throws IllegalArgumentException with a message that starts with the property name
     */
    public static CaptureSettings parse(Map<String, ?> props) {
        String source = text(props, "source", "live").toLowerCase(Locale.ROOT);
        if (!source.equals("live") && !source.equals("none")) {
            throw new IllegalArgumentException("source: unknown source '" + source + "' (use live or none)");
        }
        List<String> names = new ArrayList<>();
        for (String n : text(props, "interfaces", "any").split(",")) {
            String name = n.trim();
            if (name.isEmpty()) {
                continue;
            }
            if (!name.matches("[A-Za-z0-9._:@-]{1,64}")) {
                throw new IllegalArgumentException("interfaces: not an interface name: '" + name + "'");
            }
            if (!names.contains(name)) {
                names.add(name);
            }
        }
        if (names.isEmpty()) {
            throw new IllegalArgumentException("interfaces: name at least one interface, or 'any'");
        }
        if (names.contains("any") && names.size() > 1) {
            throw new IllegalArgumentException("interfaces: 'any' already covers " + names.subList(1, names.size()));
        }
        int snap = number(props, "snapLength", 262144, 64, 262144);
        int buffer = number(props, "bufferBytes", 16 << 20, 65536, 1 << 30);
        String promisc = text(props, "promiscuous", "false").toLowerCase(Locale.ROOT);
        if (!promisc.equals("true") && !promisc.equals("false")) {
            throw new IllegalArgumentException("promiscuous: not true or false: " + promisc);
        }
        return new CaptureSettings(source.equals("live"), names, text(props, "filter", ""), snap,
                Boolean.parseBoolean(promisc), buffer);
    }

    private static String text(Map<String, ?> props, String key, String fallback) {
        Object v = props.get(key);
        return v == null || v.toString().trim().isEmpty() ? fallback : v.toString().trim();
    }

    private static int number(Map<String, ?> props, String key, int fallback, int min, int max) {
        String s = text(props, key, Integer.toString(fallback));
        long v;
        try {
            v = Long.parseLong(s);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + ": not a number: " + s, e);
        }
        if (v < min || v > max) {
            throw new IllegalArgumentException(key + ": out of range " + min + ".." + max + ": " + v);
        }
        return (int) v;
    }

    /** True for live capture; false when only replays feed the packet service. */
    public boolean live() {
        return live;
    }

    public List<String> interfaces() {
        return interfaces;
    }

    /** BPF filter expression, empty for none. */
    public String filter() {
        return filter;
    }

    public int snapLength() {
        return snapLength;
    }

    public boolean promiscuous() {
        return promiscuous;
    }

    public int bufferBytes() {
        return bufferBytes;
    }
}

package org.apptrack.apptrack.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.apptrack.apptrack.engine.zone.SecurityZones;

/**
 * Offload mode (inside ONOS): which sessions have their packets counted by the switches once
 * classified, and how. Packet-in mode (every packet seen by the controller) stays for everything
 * else: mirror/SPAN ports and the standalone distribution, hence the default: nothing offloaded.
 * <pre>
 * offload.devices = of:0000000000000001, of:0000000000000002   sessions punted by these devices
 * offload.zones = trust                     sessions from or to these zones (on any device)
 * offload.afterPackets = 8                  packets seen before offload when the application is not final yet
 * offload.pollInterval = 10                 seconds between reads of the rules' statistics
 * offload.priority = 40000                  the per-session rules' priority (FIN/RST punt: one above)
 * </pre>
 */
public final class OffloadSettings {

    /** An ONOS device id: scheme ':' identifier, no spaces or commas. */
    private static final Pattern DEVICE_ID = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*:[^\\s,/]+");
    public static final int DEFAULT_AFTER_PACKETS = 8;
    public static final int DEFAULT_POLL_SECONDS = 10;
    /** Above the reactive forwarding's rules (10) and AppQoE's steering objectives (30000). */
    public static final int DEFAULT_PRIORITY = 40_000;

    private final Set<String> devices;
    private final Set<String> zoneNames;
    private final boolean[] zones;
    private final int afterPackets;
    private final int pollSeconds;
    private final int priority;

    private OffloadSettings(Set<String> devices, Set<String> zoneNames, boolean[] zones, int afterPackets,
                            int pollSeconds, int priority) {
        this.devices = devices;
        this.zoneNames = zoneNames;
        this.zones = zones;
        this.afterPackets = afterPackets;
        this.pollSeconds = pollSeconds;
        this.priority = priority;
    }

    /** Nothing offloaded. */
    public static OffloadSettings none() {
        return new OffloadSettings(Set.of(), Set.of(), new boolean[0], DEFAULT_AFTER_PACKETS, DEFAULT_POLL_SECONDS,
                DEFAULT_PRIORITY);
    }

    /**
     * @param zonesInForce the zones of the same configuration (offload.zones must name them)
     * @throws IllegalArgumentException with a message that starts with the property name
     */
    static OffloadSettings parse(Map<String, ?> props, SecurityZones zonesInForce) {
        Set<String> devices = new LinkedHashSet<>();
        for (String d : list(props.get("offload.devices"))) {
            if (!DEVICE_ID.matcher(d).matches()) {
                throw new IllegalArgumentException("offload.devices: not a device id (like of:0000000000000001): " + d);
            }
            devices.add(d);
        }
        Set<String> zoneNames = new LinkedHashSet<>();
        boolean[] zones = new boolean[SecurityZones.MAX_ZONES];
        for (String z : list(props.get("offload.zones"))) {
            int id = zonesInForce.zoneId(z);
            if (id < 0) {
                throw new IllegalArgumentException("offload.zones: no such zone: " + z);
            }
            zoneNames.add(z);
            zones[id] = true;
        }
        int after = (int) number(props, "offload.afterPackets", DEFAULT_AFTER_PACKETS, 1, 255);
        int poll = (int) number(props, "offload.pollInterval", DEFAULT_POLL_SECONDS, 1, 3600);
        int priority = (int) number(props, "offload.priority", DEFAULT_PRIORITY, 1, 65_534);
        return new OffloadSettings(Collections.unmodifiableSet(devices), Collections.unmodifiableSet(zoneNames),
                zones, after, poll, priority);
    }

    private static List<String> list(Object value) {
        List<String> items = new ArrayList<>();
        if (value != null) {
            for (String item : value.toString().split(",")) {
                if (!item.trim().isEmpty()) {
                    items.add(item.trim());
                }
            }
        }
        return items;
    }

    private static long number(Map<String, ?> props, String key, long fallback, long min, long max) {
        Object v = props.get(key);
        if (v == null || v.toString().trim().isEmpty()) {
            return fallback;
        }
        long n;
        try {
            n = Long.parseLong(v.toString().trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + ": not a number: " + v, e);
        }
        if (n < min || n > max) {
            throw new IllegalArgumentException(key + ": out of range " + min + ".." + max + ": " + n);
        }
        return n;
    }

    /** Whether any session can be offloaded. */
    public boolean enabled() {
        return !devices.isEmpty() || !zoneNames.isEmpty();
    }

    /** Whether the sessions punted by device {@code deviceId} are offloaded. */
    public boolean device(String deviceId) {
        return devices.contains(deviceId);
    }

    /** Whether sessions from or to zone {@code zoneId} are offloaded. */
    public boolean zone(int zoneId) {
        return zoneId >= 0 && zoneId < zones.length && zones[zoneId];
    }

    public Set<String> devices() {
        return devices;
    }

    public Set<String> zoneNames() {
        return zoneNames;
    }

    /** Packets a session shows before it is offloaded, unless its application is final sooner. */
    public int afterPackets() {
        return afterPackets;
    }

    public int pollIntervalSeconds() {
        return pollSeconds;
    }

    /** Priority of the per-session rules; the FIN/RST punt rules get one more. */
    public int priority() {
        return priority;
    }

    @Override
    public String toString() {
        return "offload devices " + devices + ", zones " + zoneNames + ", after " + afterPackets + " packets, poll "
                + pollSeconds + " s, priority " + priority;
    }
}

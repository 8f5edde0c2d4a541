package org.apptrack.apptrack.model;

import org.apptrack.apptrack.api.IpAddresses;
import org.apptrack.apptrack.api.SessionAttribute;
import org.apptrack.apptrack.api.SessionInfo;
import org.apptrack.apptrack.api.SessionRoute;
import org.apptrack.apptrack.engine.AppTrackEngine;
import org.apptrack.apptrack.engine.catalog.PortServiceMap;
import org.apptrack.apptrack.engine.classify.ApplicationCatalog;
import org.apptrack.apptrack.engine.session.SessionSideTable;
import org.apptrack.apptrack.engine.session.SessionTable;
import org.apptrack.apptrack.engine.zone.SecurityZones;
import org.apptrack.apptrack.engine.zone.ZonePolicy;

/**
 * The one place that says how each {@link SessionAttribute} of a session is read: from the
 * session table, its side table, the classifier's catalog, the zones and the port map. Logs,
 * the REST resources, the console and filters all describe a session through it. Reads without
 * allocating, except the strings it returns (addresses are formatted per call).
 *
 * <p>Not thread-safe: read on the engine's thread or under the runtime's lock.
 */
public final class SessionModel {

    private static final long NANOS_PER_MILLI = 1_000_000L;
    private static final SessionAttribute[] ATTRIBUTES = SessionAttribute.values();
    /** By {@link SessionSideTable#encrypted}: as an SRX logs it. */
    private static final String[] ENCRYPTED_TEXT = {"UNKNOWN", "No", "Yes"};
    private static final String[] IDENTIFIED_BY_TEXT = {"none", "port", "cache", "payload", "rule", "address"};

    private final SessionTable table;
    private final SessionSideTable side;
    private final ApplicationCatalog catalog;
    private final PortServiceMap services = PortServiceMap.junosDefaults();
    private SecurityZones zones;

    public SessionModel(AppTrackEngine engine, SecurityZones zones) {
        this.table = engine.table();
        this.side = engine.side();
        this.catalog = engine.classifier().catalog();
        this.zones = zones;
    }

    /** A new configuration: zones, policies and users are named from it from now on. */
    public void zones(SecurityZones newZones) {
        this.zones = newZones;
    }

    public SecurityZones zones() {
        return zones;
    }

    /** A numeric attribute of session {@code s}. */
    public long number(SessionAttribute a, int s) {
        switch (a) {
            case SESSION_ID: return table.sessionId(s) & 0xffffffffL;
            case CLIENT_PORT: return table.clientPort(s);
            case SERVER_PORT: return table.serverPort(s);
            case PROTOCOL: return table.protocol(s);
            case PACKETS_FROM_CLIENT: return table.clientPackets(s);
            case BYTES_FROM_CLIENT: return table.clientBytes(s);
            case PACKETS_FROM_SERVER: return table.serverPackets(s);
            case BYTES_FROM_SERVER: return table.serverBytes(s);
            case START_MILLIS: return Math.floorDiv(table.startNanos(s), NANOS_PER_MILLI);
            case LAST_SEEN_MILLIS: return Math.floorDiv(table.lastSeenNanos(s), NANOS_PER_MILLI);
            case PARENT_SESSION_ID: {
                int parent = side.parent(s);
                return parent >= 0 ? table.sessionId(parent) & 0xffffffffL : 0L;
            }
            case SERVER_RTT_MICROS: return table.serverRttMicros(s);
            case CLIENT_RTT_MICROS: return table.clientRttMicros(s);
            case DSCP: return table.dscp(s);
            case ROUTE_DSCP: {
                SessionRoute r = side.route(s);
                return r == null ? SessionRoute.NO_DSCP : r.dscp();
            }
            default: throw new IllegalArgumentException(a + " is not a number");
        }
    }

    /** A text attribute of session {@code s}. */
    public String text(SessionAttribute a, int s) {
        switch (a) {
            case CLIENT_ADDRESS: return IpAddresses.format(table.clientAddrHi(s), table.clientAddrLo(s));
            case SERVER_ADDRESS: return IpAddresses.format(table.serverAddrHi(s), table.serverAddrLo(s));
            case SERVICE_NAME: return services.entry(services.lookup(table.protocol(s), table.serverPort(s),
                    table.clientPort(s))).serviceName();
            case APPLICATION: return catalog.application(side.applicationId(s));
            case NESTED_APPLICATION: return catalog.application(side.nestedApplicationId(s));
            case CATEGORY: return catalog.category(mostSpecificApplication(s));
            case SUB_CATEGORY: return catalog.subCategory(mostSpecificApplication(s));
            case ENCRYPTED: return ENCRYPTED_TEXT[side.encrypted(s)];
            case IDENTIFIED_BY: return IDENTIFIED_BY_TEXT[side.identifiedBy(s)];
            case SOURCE_ZONE: return policy(s).sourceZone().name();
            case DESTINATION_ZONE: return policy(s).destinationZone().name();
            case POLICY_NAME: return policy(s).policyName();
            case LOGICAL_SYSTEM: return policy(s).logicalSystem();
            case USERNAME: return zones.username(policy(s), table.clientAddrHi(s), table.clientAddrLo(s));
            case ROLES: return zones.roles(policy(s), table.clientAddrHi(s), table.clientAddrLo(s));
            case APBR_PROFILE:
            case APBR_RULE:
            case ROUTING_INSTANCE:
            case DESTINATION_INTERFACE:
            case UPLINK_INCOMING_INTERFACE:
            case APBR_POLICY:
            case APBR_RULE_TYPE: return routeText(a, side.route(s));
            default: throw new IllegalArgumentException(a + " is not text");
        }
    }

    /** A text attribute of a route (empty without one). */
    private static String routeText(SessionAttribute a, SessionRoute r) {
        if (r == null) {
            return "";
        }
        switch (a) {
            case APBR_PROFILE: return r.profileName();
            case APBR_RULE: return r.ruleName();
            case ROUTING_INSTANCE: return r.routingInstance();
            case DESTINATION_INTERFACE: return r.destinationInterface();
            case UPLINK_INCOMING_INTERFACE: return r.uplinkIncomingInterface();
            case APBR_POLICY: return r.apbrPolicyName();
            case APBR_RULE_TYPE: return r.apbrRuleType();
            default: throw new IllegalArgumentException(a + " is not a route attribute");
        }
    }

    /** The session's route, or null (the default route). */
    public SessionRoute route(int s) {
        return side.route(s);
    }

    /** Every attribute of session {@code s}. */
    public SessionInfo describe(int s) {
        return describe(s, ATTRIBUTES);
    }

    /** Session {@code s} by {@code attributes} alone: the others are 0 or empty. */
    public SessionInfo describe(int s, SessionAttribute[] attributes) {
        SessionInfo.Builder b = SessionInfo.builder();
        for (SessionAttribute a : attributes) {
            if (a.isNumeric()) {
                b.put(a, number(a, s));
            } else {
                b.put(a, text(a, s));
            }
        }
        return b.build();
    }

    /** The zone pair and policy the session was placed under. */
    public ZonePolicy policy(int s) {
        return zones.policy(table.policy(s));
    }

    /**
     * The nested application when one is known, else the application: what the category and
     * sub-category describe (an SRX shows the most specific application's).
     */
    private int mostSpecificApplication(int s) {
        int nested = side.nestedApplicationId(s);
        return nested != 0 ? nested : side.applicationId(s);
    }

    /** The session's application id in the catalog (0: unknown), for filters that compare ids. */
    public int applicationId(int s) {
        return side.applicationId(s);
    }

    public ApplicationCatalog catalog() {
        return catalog;
    }

    public SessionTable table() {
        return table;
    }
}

package org.apptrack.apptrack.api;

/**
 * What is known of a session, one constant per attribute, in the order the detail view and the
 * REST JSON show them. {@link SessionInfo} carries a value for each; the command's detail view
 * and the REST resource list them generically, so a new attribute appears in both without code
 * of its own there.
 */
public enum SessionAttribute {
    SESSION_ID("sessionId", "Session id", Kind.NUMBER),
    CLIENT_ADDRESS("clientAddress", "Client address", Kind.TEXT),
    CLIENT_PORT("clientPort", "Client port", Kind.NUMBER),
    SERVER_ADDRESS("serverAddress", "Server address", Kind.TEXT),
    SERVER_PORT("serverPort", "Server port", Kind.NUMBER),
    PROTOCOL("protocol", "Protocol", Kind.NUMBER),
    SERVICE_NAME("serviceName", "Service name", Kind.TEXT),
    APPLICATION("application", "Application", Kind.TEXT),
    NESTED_APPLICATION("nestedApplication", "Nested application", Kind.TEXT),
    CATEGORY("category", "Category", Kind.TEXT),
    SUB_CATEGORY("subCategory", "Sub-category", Kind.TEXT),
    /** {@code Yes}, {@code No}, or {@code UNKNOWN} until identification has looked. */
    ENCRYPTED("encrypted", "Encrypted", Kind.TEXT),
    /**
     * How the application was found: {@code payload}, {@code cache}, {@code rule} (a custom
     * application's addresses and ports), {@code port} (a guess) or {@code none}.
     */
    IDENTIFIED_BY("identifiedBy", "Identified by", Kind.TEXT),
    SOURCE_ZONE("sourceZone", "Source zone", Kind.TEXT),
    DESTINATION_ZONE("destinationZone", "Destination zone", Kind.TEXT),
    POLICY_NAME("policyName", "Policy", Kind.TEXT),
    LOGICAL_SYSTEM("logicalSystem", "Logical system", Kind.TEXT),
    /** As logged: a name, {@code N/A} or {@code unauthenticated user}. */
    USERNAME("username", "User", Kind.TEXT),
    /** As logged: comma-separated roles or {@code N/A}. */
    ROLES("roles", "Roles", Kind.TEXT),
    PACKETS_FROM_CLIENT("packetsFromClient", "Packets from client", Kind.NUMBER),
    /** Layer-3 bytes. */
    BYTES_FROM_CLIENT("bytesFromClient", "Bytes from client", Kind.NUMBER),
    PACKETS_FROM_SERVER("packetsFromServer", "Packets from server", Kind.NUMBER),
    BYTES_FROM_SERVER("bytesFromServer", "Bytes from server", Kind.NUMBER),
    START_MILLIS("startMillis", "Started", Kind.TIME),
    LAST_SEEN_MILLIS("lastSeenMillis", "Last seen", Kind.TIME),
    /** The session this one was linked under (FTP data under FTP control); 0: none. */
    PARENT_SESSION_ID("parentSessionId", "Parent session", Kind.NUMBER),
    /**
     * TCP handshake, SYN to SYN-ACK as seen where the packets are captured (the server side's
     * round trip), in microseconds; 0: not measured (not TCP, picked up mid-stream, SYN-ACK not
     * seen, or a retransmitted SYN made it ambiguous).
     */
    SERVER_RTT_MICROS("serverRttMicros", "Server RTT (us)", Kind.NUMBER),
    /**
     * TCP handshake, SYN-ACK to the client's ACK (the client side's round trip), in microseconds;
     * 0: not measured (as for the server side, or a retransmitted SYN-ACK made it ambiguous).
     */
    CLIENT_RTT_MICROS("clientRttMicros", "Client RTT (us)", Kind.NUMBER),
    /** The DSCP of the session's first packet, 0..63 (what an APBR rule's DSCP criterion matches). */
    DSCP("dscp", "DSCP", Kind.NUMBER),
    // The route path selection gave the session ({@link SessionRoute}); empty (-1 for the DSCP) until then.
    APBR_PROFILE("apbrProfile", "APBR profile", Kind.TEXT),
    APBR_RULE("apbrRule", "APBR rule", Kind.TEXT),
    ROUTING_INSTANCE("routingInstance", "Routing instance", Kind.TEXT),
    DESTINATION_INTERFACE("destinationInterface", "Destination interface", Kind.TEXT),
    UPLINK_INCOMING_INTERFACE("uplinkIncomingInterface", "Uplink incoming interface", Kind.TEXT),
    /** The AppQoE SLA rule of the route. */
    APBR_POLICY("apbrPolicy", "APBR policy", Kind.TEXT),
    /** The route rule's DSCP value, 0..63, or -1: none. */
    ROUTE_DSCP("routeDscp", "Route DSCP", Kind.NUMBER),
    APBR_RULE_TYPE("apbrRuleType", "APBR rule type", Kind.TEXT);

    /** How a value is held and shown. */
    public enum Kind {
        /** A long. */
        NUMBER,
        /** A string, never null. */
        TEXT,
        /** Milliseconds since the epoch, a long. */
        TIME
    }

    private final String key;
    private final String label;
    private final Kind kind;

    SessionAttribute(String key, String label, Kind kind) {
        this.key = key;
        this.label = label;
        this.kind = kind;
    }

    /** The JSON field name. */
    public String key() {
        return key;
    }

    /** What the detail view calls it. */
    public String label() {
        return label;
    }

    public Kind kind() {
        return kind;
    }

    /** Whether the value is a long ({@link Kind#NUMBER}, {@link Kind#TIME}). */
    public boolean isNumeric() {
        return kind != Kind.TEXT;
    }
}

package org.apptrack.apptrack.engine;

/**
 * Why an AppTrack session closed, with the {@code reason} spelling of an SRX
 * {@code APPTRACK_SESSION_CLOSE} message (see srx-log-format.md; the Juniper AppTrack page lists
 * the codes as "TCP RST", "TCP FIN", "Response received", "ICMP error", "Aged out", "ALG", "IDP",
 * "Parent closed", "CLI", "Policy delete"; devices write them as below).
 */
public enum CloseReason {
    TCP_FIN("TCP FIN"),
    TCP_CLIENT_RST("TCP CLIENT RST"),
    TCP_SERVER_RST("TCP SERVER RST"),
    RESPONSE_RECEIVED("response received"),
    ICMP_ERROR("ICMP error"),
    IDLE_TIMEOUT("idle Timeout"),
    ALG("ALG"),
    IDP("IDP"),
    PARENT_CLOSED("parent closed"),
    CLI("CLI"),
    POLICY_DELETE("policy delete");

    private static final CloseReason[] VALUES = values();

    private final String wireName;

    CloseReason(String wireName) {
        this.wireName = wireName;
    }

    /** The spelling in the {@code reason} field of a close message. */
    public String wireName() {
        return wireName;
    }

    /** The reason of an ordinal, without allocating (unlike {@code values()[i]}). */
    public static CloseReason ofOrdinal(int ordinal) {
        return VALUES[ordinal];
    }

    public static int count() {
        return VALUES.length;
    }
}

package org.apptrack.apptrack.api;

/**
 * What the dashboard's top lists group the bytes by: one session attribute, named as the logs
 * name it. An empty value (a session not yet identified, or built without it) shows as the logs
 * would show it: {@code UNKNOWN} for applications and zones, {@code N/A} for the user.
 */
public enum Dimension {
    APPLICATION("application", SessionAttribute.APPLICATION, "UNKNOWN"),
    NESTED_APPLICATION("nested-application", SessionAttribute.NESTED_APPLICATION, "UNKNOWN"),
    SOURCE_ZONE("source-zone", SessionAttribute.SOURCE_ZONE, "UNKNOWN"),
    DESTINATION_ZONE("destination-zone", SessionAttribute.DESTINATION_ZONE, "UNKNOWN"),
    USER("user", SessionAttribute.USERNAME, "N/A");

    private final String key;
    private final SessionAttribute attribute;
    private final String whenEmpty;

    Dimension(String key, SessionAttribute attribute, String whenEmpty) {
        this.key = key;
        this.attribute = attribute;
        this.whenEmpty = whenEmpty;
    }

    /** The name in the REST API ({@code by=source-zone}). */
    public String key() {
        return key;
    }

    /** The session attribute it groups by. */
    public SessionAttribute attribute() {
        return attribute;
    }

    /** The name session {@code s} counts under. */
    public String nameOf(SessionInfo s) {
        String value = s.text(attribute);
        return value == null || value.isEmpty() ? whenEmpty : value;
    }
}

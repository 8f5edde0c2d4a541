package org.apptrack.apptrack.appid.catalog;

/**
 * Where an application shows in the logs. An {@link #APPLICATION} is the protocol that carries
 * the session ({@code application} field: HTTP, SSL, QUIC, DNS, SSH, BITTORRENT); a
 * {@link #NESTED_APPLICATION} is a service found inside one ({@code nested-application}: YOUTUBE
 * inside SSL); {@link #BOTH} is a service with its own protocol that is also reached inside
 * another (ZOOM media over UDP, zoom.us inside SSL).
 */
public enum ApplicationRole {
    APPLICATION("application"),
    NESTED_APPLICATION("nested-application"),
    BOTH("both");

    private final String text;

    ApplicationRole(String text) {
        this.text = text;
    }

    /** The role as the catalog file writes it. */
    public String text() {
        return text;
    }

    /** Whether the application can carry a session (its default services are port guesses). */
    public boolean carriesSessions() {
        return this != NESTED_APPLICATION;
    }

    /** Whether the application can be found inside another (host names name it). */
    public boolean foundInside() {
        return this != APPLICATION;
    }

    /** The role written as {@link #text()}, or null. */
    public static ApplicationRole fromText(String text) {
        for (ApplicationRole r : values()) {
            if (r.text.equals(text)) {
                return r;
            }
        }
        return null;
    }

    /** Every role as text, for error messages. */
    public static String allTexts() {
        StringBuilder b = new StringBuilder();
        for (ApplicationRole r : values()) {
            b.append(b.length() == 0 ? "" : ", ").append(r.text);
        }
        return b.toString();
    }
}

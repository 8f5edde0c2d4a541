package org.apptrack.apptrack.appid.custom;

import java.util.Locale;

/**
 * One member of a custom application's signature (Junos {@code signature NAME member mNN}): the
 * context its pattern is matched in, the direction of the packets it looks at, and the pattern.
 * The members of a signature all have to match. Immutable.
 */
public final class SignatureMember {

    /** Where a member's pattern applies (Junos contexts). */
    public enum Context {
        /** The HTTP request's Host header (lower case, without port). */
        HTTP_HEADER_HOST("http-header-host", "HTTP"),
        /** The HTTP request's URL path, percent-decoded, without query. */
        HTTP_URL_PARSED("http-url-parsed", "HTTP"),
        /** The HTTP request's User-Agent header. */
        HTTP_HEADER_USER_AGENT("http-header-user-agent", "HTTP"),
        /** The TLS ClientHello's server name (lower case). */
        SSL_SERVER_NAME("ssl-server-name", "SSL"),
        /** The first payload of a direction (its first bytes). */
        STREAM("stream", "TCP UDP");

        private final String junos;
        private final String over;

        Context(String junos, String over) {
            this.junos = junos;
            this.over = over;
        }

        public String junosName() {
            return junos;
        }

        /** Whether an application over {@code over} (HTTP, SSL, TCP, UDP) may have this context. */
        boolean allowedOver(String over) {
            return this.over.contains(over);
        }

        static Context parse(String text) {
            for (Context c : values()) {
                if (c.junos.equals(text.trim().toLowerCase(Locale.ROOT))) {
                    return c;
                }
            }
            return null;
        }
    }

    /** The packets a member looks at (Junos {@code direction}). */
    public enum Direction {
        CLIENT_TO_SERVER("client-to-server"),
        SERVER_TO_CLIENT("server-to-client"),
        ANY("any");

        private final String junos;

        Direction(String junos) {
            this.junos = junos;
        }

        public String junosName() {
            return junos;
        }

        static Direction parse(String text) {
            for (Direction d : values()) {
                if (d.junos.equals(text.trim().toLowerCase(Locale.ROOT))) {
                    return d;
                }
            }
            return null;
        }
    }

    private final String name;
    private final Context context;
    private final Direction direction;
    private final SignaturePattern pattern;

    SignatureMember(String name, Context context, Direction direction, SignaturePattern pattern) {
        this.name = name;
        this.context = context;
        this.direction = direction;
        this.pattern = pattern;
    }

    public String name() {
        return name;
    }

    public Context context() {
        return context;
    }

    public Direction direction() {
        return direction;
    }

    public SignaturePattern pattern() {
        return pattern;
    }

    @Override
    public String toString() {
        return name + " context " + context.junosName() + " direction " + direction.junosName() + " pattern "
                + pattern;
    }
}

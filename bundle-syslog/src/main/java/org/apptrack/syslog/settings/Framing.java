package org.apptrack.syslog.settings;

import org.apptrack.syslog.format.ConfigNamed;

/** How messages are delimited on a TCP or TLS stream (RFC 6587). */
public enum Framing implements ConfigNamed {
    /** {@code MSG-LEN SP SYSLOG-MSG} (RFC 6587 3.4.1, RFC 5425 4.3): what an SRX sends. */
    OCTET_COUNTING("octet-counting"),
    /** Each message followed by LF (RFC 6587 3.4.2), for receivers that need it. */
    NEWLINE("newline");

    private final String configName;

    Framing(String configName) {
        this.configName = configName;
    }

    @Override
    public String configName() {
        return configName;
    }

    /** Parses a configuration name, or returns null when it is not one. */
    public static Framing fromConfigName(String name) {
        return ConfigNamed.fromConfigName(Framing.class, name);
    }
}

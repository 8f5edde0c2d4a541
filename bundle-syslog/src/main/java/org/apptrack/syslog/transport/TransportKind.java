package org.apptrack.syslog.transport;

import java.util.Locale;

/** How a stream reaches its receiver. */
public enum TransportKind {
    UDP("udp", 514),
    TCP("tcp", 514),
    TLS("tls", 6514),
    FILE("file", 0);

    private final String configName;
    private final int defaultPort;

    TransportKind(String configName, int defaultPort) {
        this.configName = configName;
        this.defaultPort = defaultPort;
    }

    public String configName() {
        return configName;
    }

    public int defaultPort() {
        return defaultPort;
    }

    /** True for the transports that send over the network. */
    public boolean isNetwork() {
        return this != FILE;
    }

    /** Parses a configuration name, or returns null when it is not one. */
    public static TransportKind fromConfigName(String name) {
        String n = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
        for (TransportKind t : values()) {
            if (t.configName.equals(n)) {
                return t;
            }
        }
        return null;
    }
}

package org.apptrack.syslog.settings;

import org.apptrack.syslog.format.ConfigNamed;

/** How a stream reaches its receiver. */
public enum TransportKind implements ConfigNamed {
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

    @Override
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
        return ConfigNamed.fromConfigName(TransportKind.class, name);
    }
}

package org.apptrack.syslog.format;

/** The wire formats of an SRX security-log stream ({@code set security log stream S format F}). */
public enum LogFormat implements ConfigNamed {
    /** RFC 5424 with one SD-ELEMENT, ending at {@code ]} (the stream's "brief" structured mode). */
    SD_SYSLOG("sd-syslog"),
    /** RFC 5424 with one SD-ELEMENT, then a space and the plain-text body. */
    STRUCTURED_SYSLOG("structured-syslog"),
    /** RFC 3164 plain text: {@code <PRI>Mmm dd hh:mm:ss HOST APP: TAG: body}. */
    SYSLOG("syslog");

    private final String configName;

    LogFormat(String configName) {
        this.configName = configName;
    }

    @Override
    public String configName() {
        return configName;
    }

    /** Parses a configuration name, or returns null when it is not one. */
    public static LogFormat fromConfigName(String name) {
        return ConfigNamed.fromConfigName(LogFormat.class, name);
    }
}

package org.apptrack.appqoe.config;

/** How active probes measure a path: STAMP (RFC 8762) to a reflector, or HTTP HEAD to a SaaS URL. */
public enum ProbeType {
    STAMP("stamp"),
    HTTP_HEAD("http-head");

    private final String configName;

    ProbeType(String configName) {
        this.configName = configName;
    }

    /** The name in the configuration. */
    public String configName() {
        return configName;
    }

    /** As logged in active-probe-type ("http head" for HTTP HEAD). */
    public String logName() {
        return this == STAMP ? "stamp" : "http head";
    }
}

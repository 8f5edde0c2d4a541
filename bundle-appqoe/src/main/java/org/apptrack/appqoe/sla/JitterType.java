package org.apptrack.appqoe.sla;

/** Which jitter a metrics profile judges, as Junos {@code jitter-type}. */
public enum JitterType {
    TWO_WAY("two-way"),
    INGRESS("ingress-jitter"),
    EGRESS("egress-jitter");

    private final String configName;

    JitterType(String configName) {
        this.configName = configName;
    }

    /** The name in Junos configuration. */
    public String configName() {
        return configName;
    }
}

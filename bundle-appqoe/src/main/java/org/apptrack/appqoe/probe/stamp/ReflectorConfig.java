package org.apptrack.appqoe.probe.stamp;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Metatype of the STAMP Session-Reflector ({@code etc/org.apptrack.appqoe.reflector.cfg}). The
 * values are validated by {@link ReflectorSettings#parse}, which names the field it rejects.
 */
@ObjectClassDefinition(
        id = ReflectorSettings.PID,
        name = "AppQoE STAMP reflector",
        description = "Answers STAMP (RFC 8762) and TWAMP-Light probes so that other sites can measure paths to this one.")
public @interface ReflectorConfig {

    @AttributeDefinition(name = "Enabled", description = "Run the reflector.")
    boolean enabled() default false;

    @AttributeDefinition(name = "Address", description = "IP address to listen on (a literal address).")
    String address() default "127.0.0.1";

    @AttributeDefinition(name = "Port", description = "UDP port; 862 needs CAP_NET_BIND_SERVICE or root.")
    int port() default ReflectorSettings.DEFAULT_PORT;

    @AttributeDefinition(name = "DSCP", description = "DSCP of the replies (0..63).")
    int dscp() default 0;
}

package org.apptrack.apptrack.config;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Metatype of AppTrack ({@code etc/org.apptrack.apptrack.cfg}); times in seconds, as in Junos. */
@ObjectClassDefinition(id = AppTrackSettings.PID, name = "AppTrack",
        description = "Application tracking: sessions and their AppTrack logs (set security application-tracking).")
public @interface AppTrackConfig {

    @AttributeDefinition(name = "Log session create", description = "APPTRACK_SESSION_CREATE (Junos default off).")
    boolean logSessionCreate() default false;

    @AttributeDefinition(name = "Log session close", description = "APPTRACK_SESSION_CLOSE (Junos default off).")
    boolean logSessionClose() default false;

    @AttributeDefinition(name = "No volume updates", description = "Turns APPTRACK_SESSION_VOL_UPDATE off.")
    boolean noVolumeUpdates() default false;

    @AttributeDefinition(name = "Session update interval (s)")
    int sessionUpdateInterval() default 300;

    @AttributeDefinition(name = "First update interval (s)", description = "0: not set.")
    int firstUpdateInterval() default 0;

    @AttributeDefinition(name = "First update (deprecated)", description = "Wins over the first update interval.")
    boolean firstUpdate() default false;

    @AttributeDefinition(name = "Session limit")
    int maxSessions() default 1000000;

    @AttributeDefinition(name = "TCP idle timeout (s)")
    int tcpTimeout() default 1800;

    @AttributeDefinition(name = "UDP idle timeout (s)")
    int udpTimeout() default 60;

    @AttributeDefinition(name = "ICMP idle timeout (s)")
    int icmpTimeout() default 60;

    @AttributeDefinition(name = "Other protocols idle timeout (s)")
    int otherTimeout() default 60;

    @AttributeDefinition(name = "Policy name", description = "policy-name in the logs.")
    String policyName() default "N/A";

    @AttributeDefinition(name = "Source zone")
    String sourceZone() default "trust";

    @AttributeDefinition(name = "Destination zone")
    String destinationZone() default "untrust";
}

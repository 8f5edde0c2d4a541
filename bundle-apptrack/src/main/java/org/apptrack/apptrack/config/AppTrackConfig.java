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

    @AttributeDefinition(name = "First update (deprecated)", description = "Junos first-update: a start"
            + " (create) message when a session begins, as logSessionCreate; the first update interval is then"
            + " disregarded.")
    boolean firstUpdate() default false;

    @AttributeDefinition(name = "Session limit")
    int maxSessions() default 1000000;

    @AttributeDefinition(name = "TCP idle timeout (s)")
    int tcpTimeout() default 1800;

    @AttributeDefinition(name = "TCP initial timeout (s)", description = "Junos tcp-initial-timeout: a TCP session"
            + " whose handshake has not completed ages out after this, 4..300.")
    int tcpInitialTimeout() default 20;

    @AttributeDefinition(name = "RST invalidates session", description = "Junos rst-invalidate-session: a RST closes"
            + " the session at once. Off: the session lingers 2 s for the peer's packets still in flight.")
    boolean rstInvalidateSession() default false;

    @AttributeDefinition(name = "FIN invalidates session", description = "Junos fin-invalidate-session: the last ACK"
            + " of the FIN exchange closes the session at once. Off: the session lingers 2 s.")
    boolean finInvalidateSession() default false;

    @AttributeDefinition(name = "UDP idle timeout (s)")
    int udpTimeout() default 60;

    @AttributeDefinition(name = "ICMP idle timeout (s)")
    int icmpTimeout() default 60;

    @AttributeDefinition(name = "Other protocols idle timeout (s)")
    int otherTimeout() default 60;

    @AttributeDefinition(name = "VLAN in session key", description = "Sessions on different VLANs stay apart (bridged"
            + " segments only: both directions must carry the same VLAN). Changing it closes every session.")
    boolean vlanInSessionKey() default false;

    @AttributeDefinition(name = "Application identification", description = "Inspect the first packets of each"
            + " session to identify its application and nested application (Junos services application-identification);"
            + " off, the server port names it.")
    boolean applicationIdentification() default true;

    @AttributeDefinition(name = "Inspection packets", description = "Packets of each direction inspected at most"
            + " (1..255); a session that runs out keeps its best answer so far.")
    int inspectionPackets() default 16;

    @AttributeDefinition(name = "Inspection bytes", description = "Payload bytes of each direction inspected at most"
            + " (1..65535).")
    int inspectionBytes() default 16384;

    @AttributeDefinition(name = "Sessions inspected at once", description = "Sessions whose classification state is"
            + " kept at once (1..4194304); a new session beyond it is not inspected and is counted.")
    int inspectionSessions() default 16384;

    @AttributeDefinition(name = "Application system cache entries", description = "Servers (address, port,"
            + " protocol) whose application is remembered (1..16777216).")
    int applicationSystemCacheEntries() default 65536;

    @AttributeDefinition(name = "Application system cache timeout", description = "Seconds an entry names later"
            + " sessions to the same server (Junos application-system-cache-timeout, 1..604800).")
    long applicationSystemCacheTimeout() default 3600;

    @AttributeDefinition(name = "Disable", description = "Junos application-tracking disable: nothing is tracked,"
            + " the zones stay configured.")
    boolean disable() default false;

    @AttributeDefinition(name = "Management endpoints", required = false, description = "Traffic of this host's"
            + " management that AppTrack and the capture leave out, besides the log streams and the container's SSH,"
            + " HTTP and JMX listeners: comma-separated PROTOCOL/PORT (a port of this host, e.g. tcp/22) or"
            + " PROTOCOL/ADDRESS:PORT (an endpoint anywhere, e.g. udp/192.0.2.1:161, tcp/[2001:db8::1]:22).")
    String managementEndpoints() default "";

    @AttributeDefinition(name = "Default policy name", description = "policy-name of sessions between zones without a"
            + " policy.FROM.TO entry. Zones, policies and users are keys of their own: zone.NAME.prefixes,"
            + " zone.NAME.interfaces, zone.NAME.applicationTracking, zone.NAME.logicalSystem, policy.FROM.TO,"
            + " policy.FROM.TO.userIdentity, user.NAME.addresses, user.NAME.roles, user.NAME.name (see the README).")
    String defaultPolicyName() default "default-policy-logical-system-00";

    @AttributeDefinition(name = "Offload devices", required = false, description = "Inside ONOS: device ids"
            + " (comma-separated) whose classified sessions are counted by the switch: a per-session rule with the"
            + " forwarding's treatment, its statistics read every poll interval. Empty: packet-in mode.")
    String offload_devices() default "";

    @AttributeDefinition(name = "Offload zones", required = false, description = "Zones (comma-separated) whose"
            + " sessions, from or to them, are offloaded on any device.")
    String offload_zones() default "";

    @AttributeDefinition(name = "Offload after packets", description = "Packets of a session seen before it is"
            + " offloaded when its application is not final sooner (1..255).")
    int offload_afterPackets() default 8;

    @AttributeDefinition(name = "Offload poll interval (s)", description = "Seconds between reads of the offloaded"
            + " sessions' flow statistics (1..3600).")
    int offload_pollInterval() default 10;

    @AttributeDefinition(name = "Offload rule priority", description = "Priority of the per-session rules (1..65534),"
            + " above the forwarding's; the FIN/RST punt rules get one more.")
    int offload_priority() default 40000;
}

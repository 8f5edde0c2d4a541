package org.apptrack.apptrack.cli;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apptrack.apptrack.api.AppTrackService;
import org.apptrack.apptrack.api.SessionFilter;

/**
 * The session filters that {@code apptrack:sessions} and {@code apptrack:clear-sessions} share,
 * so that an operator clears exactly the sessions the same options list.
 */
public abstract class SessionFilterCommand implements Action {

    @Option(name = "--zone", description = "Source or destination zone")
    @Completion(ZoneNameCompleter.class)
    String zone;

    @Option(name = "--application", description = "Application, e.g. HTTP")
    @Completion(ApplicationNameCompleter.class)
    String application;

    @Option(name = "--address", description = "Client or server address")
    String address;

    /** Boxed: null when not given, so that any given value (even a negative one) is validated. */
    @Option(name = "--port", description = "Client or server port")
    Integer port;

    @Option(name = "--protocol", description = "IP protocol number, or tcp, udp, icmp, icmpv6")
    @Completion(ProtocolCompleter.class)
    String protocol;

    @Reference
    AppTrackService appTrack;

    /** Whether any filter option was given. */
    boolean filtered() {
        return zone != null || application != null || address != null || port != null || protocol != null;
    }

    /**
     * The filter of the options given.
     *
     * @throws IllegalArgumentException naming the option whose value is invalid
     */
    SessionFilter filter() {
        SessionFilter filter = new SessionFilter();
        if (zone != null) {
            filter.zone(zone);
        }
        if (application != null) {
            filter.application(application);
        }
        if (address != null) {
            filter.address(address);
        }
        if (port != null) {
            filter.port(port);
        }
        if (protocol != null) {
            filter.protocol(protocol);
        }
        return filter;
    }

    /**
     * The filter of the options given.
     *
     * @throws IllegalArgumentException "Invalid filter: " and what {@link #filter()} refused
     */
    SessionFilter validFilter() {
        try {
            return filter();
        } catch (IllegalArgumentException e) {
            throw invalid(e);
        }
    }

    /** The command's failure for an option the filter refused ("Invalid filter: port: out of range ..."). */
    static IllegalArgumentException invalid(IllegalArgumentException refusal) {
        return new IllegalArgumentException("Invalid filter: " + refusal.getMessage(), refusal);
    }
}

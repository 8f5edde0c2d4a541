package org.apptrack.apptrack.appid.catalog;

import java.util.Objects;

/**
 * A default service of an application, as Junos lists them ({@code tcp/80}, {@code udp/53}, a
 * range {@code tcp/6881-6889}): where the application is found when nothing better names a
 * session.
 */
public final class DefaultService {

    /** IP protocol numbers of the two transports a default service can name. */
    public static final int TCP = 6;
    public static final int UDP = 17;

    private final int protocol;
    private final int firstPort;
    private final int lastPort;

    private DefaultService(int protocol, int firstPort, int lastPort) {
        this.protocol = protocol;
        this.firstPort = firstPort;
        this.lastPort = lastPort;
    }

    /**
     * Parses {@code tcp/PORT}, {@code udp/PORT} or {@code PROTO/FIRST-LAST} (ports 1..65535).
     *
     * @throws IllegalArgumentException saying what is wrong (the caller adds where)
     */
    public static DefaultService parse(String text) {
        int slash = text.indexOf('/');
        if (slash < 0) {
            throw new IllegalArgumentException("'" + text + "' is not tcp/PORT, udp/PORT or PROTO/FIRST-LAST");
        }
        String proto = text.substring(0, slash);
        int protocol;
        if (proto.equals("tcp")) {
            protocol = TCP;
        } else if (proto.equals("udp")) {
            protocol = UDP;
        } else {
            throw new IllegalArgumentException("'" + text + "': the protocol is not tcp or udp");
        }
        String ports = text.substring(slash + 1);
        int dash = ports.indexOf('-');
        int first = port(text, dash < 0 ? ports : ports.substring(0, dash));
        int last = dash < 0 ? first : port(text, ports.substring(dash + 1));
        if (last < first) {
            throw new IllegalArgumentException("'" + text + "': the range ends before it starts");
        }
        return new DefaultService(protocol, first, last);
    }

    private static int port(String text, String digits) {
        if (digits.isEmpty() || digits.length() > 5 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new IllegalArgumentException("'" + text + "': '" + digits + "' is not a port number");
        }
        int port = Integer.parseInt(digits);
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("'" + text + "': port " + port + " is not in 1..65535");
        }
        return port;
    }

    /** {@link #TCP} or {@link #UDP}. */
    public int protocol() {
        return protocol;
    }

    public int firstPort() {
        return firstPort;
    }

    public int lastPort() {
        return lastPort;
    }

    /** Whether this service covers {@code port} of {@code protocol}. */
    public boolean covers(int protocol, int port) {
        return this.protocol == protocol && port >= firstPort && port <= lastPort;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DefaultService && ((DefaultService) o).protocol == protocol
                && ((DefaultService) o).firstPort == firstPort && ((DefaultService) o).lastPort == lastPort;
    }

    @Override
    public int hashCode() {
        return Objects.hash(protocol, firstPort, lastPort);
    }

    /** As it is written in the catalog: {@code tcp/443}, {@code udp/6881-6889}. */
    @Override
    public String toString() {
        return (protocol == TCP ? "tcp/" : "udp/") + firstPort + (lastPort == firstPort ? "" : "-" + lastPort);
    }
}

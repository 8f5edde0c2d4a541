package org.apptrack.apptrack.api;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Which sessions to show: the filters of {@code apptrack:sessions} and of
 * {@code GET /onos/apptrack/v1/sessions}, in one place. Each setter validates its value and throws an
 * {@link IllegalArgumentException} whose message starts with the filter's name
 * ({@code "port: ..."}), so that the command and the REST resource can name what was wrong.
 * A filter left unset matches every session.
 */
public final class SessionFilter implements Predicate<SessionInfo> {

    private static final Pattern INTEGER = Pattern.compile("[+-]?\\d+");

    private String zone;
    private String application;
    private String address;
    private long addressHigh;
    private long addressLow;
    private int port = -1;
    private int protocol = -1;
    private long sessionId = -1;

    /** Source or destination zone, exactly. */
    public SessionFilter zone(String value) {
        zone = nonEmpty("zone", value);
        return this;
    }

    /** Application, ignoring case ("http" matches HTTP). */
    public SessionFilter application(String value) {
        application = nonEmpty("application", value);
        return this;
    }

    /**
     * Client or server address: an IPv4 or IPv6 literal, in any of its spellings ({@code ::1},
     * {@code 0:0:0:0:0:0:0:1}, {@code ::ffff:10.0.0.1} for 10.0.0.1); host names are refused.
     */
    public SessionFilter address(String value) {
        ByteBuffer raw = ByteBuffer.wrap(addressBytes(nonEmpty("address", value)));
        boolean ipv4 = raw.remaining() == 4;
        addressHigh = ipv4 ? 0L : raw.getLong();
        addressLow = ipv4 ? IpAddresses.ipv4Low(raw.getInt()) : raw.getLong();
        address = IpAddresses.format(addressHigh, addressLow);
        return this;
    }

    /** Client or server port, 0..65535. */
    public SessionFilter port(int value) {
        if (value < 0 || value > 65535) {
            throw new IllegalArgumentException("port: out of range 0..65535: " + value);
        }
        port = value;
        return this;
    }

    /** Client or server port as text (REST query), 0..65535. */
    public SessionFilter port(String value) {
        return port(integer("port", value, 0, 65535));
    }

    /** IP protocol number 0..255. */
    public SessionFilter protocol(int value) {
        if (value < 0 || value > 255) {
            throw new IllegalArgumentException("protocol: out of range 0..255: " + value);
        }
        protocol = value;
        return this;
    }

    /** IP protocol: a number 0..255, or {@code tcp}, {@code udp}, {@code icmp}, {@code icmpv6}. */
    public SessionFilter protocol(String value) {
        return protocol(protocolNumber(value));
    }

    /** One session, by its session id (session-id-32 of the logs). */
    public SessionFilter sessionId(long value) {
        if (value < 0 || value > 0xffffffffL) {
            throw new IllegalArgumentException("id: out of range 0..4294967295: " + value);
        }
        sessionId = value;
        return this;
    }

    @Override
    public boolean test(SessionInfo s) {
        return (zone == null || zone.equals(s.sourceZone()) || zone.equals(s.destinationZone()))
                && (application == null || application.equalsIgnoreCase(s.application()))
                && (address == null || address.equals(s.clientAddress()) || address.equals(s.serverAddress()))
                && (port < 0 || port == s.clientPort() || port == s.serverPort())
                && (protocol < 0 || protocol == s.protocol())
                && (sessionId < 0 || sessionId == s.sessionId());
    }

    // The criteria, for a caller that evaluates them on its own data (the runtime reads them from
    // its session table, so that a query describes only the sessions it returns).

    /** The zone criterion (source or destination zone), or null. */
    public String zoneName() {
        return zone;
    }

    /** The application criterion (matched ignoring case), or null. */
    public String applicationName() {
        return application;
    }

    /** Whether an address criterion is set: {@link #addressHigh()} and {@link #addressLow()}. */
    public boolean hasAddress() {
        return address != null;
    }

    /** High 64 bits of the address criterion (0 for IPv4). */
    public long addressHigh() {
        return addressHigh;
    }

    /** Low 64 bits of the address criterion (IPv4 as {@code ::ffff:a.b.c.d}). */
    public long addressLow() {
        return addressLow;
    }

    /** The port criterion (client or server port), or -1. */
    public int portNumber() {
        return port;
    }

    /** The IP protocol criterion, or -1. */
    public int ipProtocol() {
        return protocol;
    }

    /** The session id criterion, or -1. */
    public long sessionIdNumber() {
        return sessionId;
    }

    /**
     * The protocol number of a protocol name or number.
     *
     * @throws IllegalArgumentException "protocol: ..." for anything else
     */
    public static int protocolNumber(String value) {
        String v = nonEmpty("protocol", value).toLowerCase(Locale.ROOT);
        switch (v) {
            case "tcp":
                return 6;
            case "udp":
                return 17;
            case "icmp":
                return 1;
            case "icmpv6":
                return 58;
            default:
                if (!INTEGER.matcher(v.trim()).matches()) {
                    throw new IllegalArgumentException("protocol: not a number nor tcp, udp, icmp or icmpv6: " + value);
                }
                return integer("protocol", v, 0, 255);
        }
    }

    /**
     * The address as sessions spell it (RFC 5952, IPv4-mapped addresses as dotted quads).
     *
     * @throws IllegalArgumentException "address: ..." when it is not an IP literal
     */
    static String canonicalAddress(String value) {
        return new SessionFilter().address(value).address;
    }

    /**
     * The 4 or 16 bytes of an IP literal ({@code ::ffff:a.b.c.d} comes back as 4 bytes).
     *
     * @throws IllegalArgumentException "address: ..." when it is not an IP literal
     */
    private static byte[] addressBytes(String value) {
        String v = value.trim();
        if (v.startsWith("[") && v.endsWith("]")) {
            v = v.substring(1, v.length() - 1);
        }
        // Only literals reach InetAddress, so that no name is ever looked up.
        boolean ipv6 = v.indexOf(':') >= 0 && v.matches("[0-9A-Fa-f:.]+");
        boolean ipv4 = v.matches("\\d{1,3}(\\.\\d{1,3}){3}");
        if (!ipv6 && !ipv4) {
            throw new IllegalArgumentException("address: not an IPv4 or IPv6 address: " + value);
        }
        try {
            return InetAddress.getByName(v).getAddress();
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("address: not an IPv4 or IPv6 address: " + value, e);
        }
    }

    /**
     * An integer within {@code min..max}; one of any length outside it is "out of range", not
     * "not a number" (a port of 99999999999 is a wrong port, not a word).
     */
    private static int integer(String name, String value, int min, int max) {
        String v = nonEmpty(name, value).trim();
        if (!INTEGER.matcher(v).matches()) {
            throw new IllegalArgumentException(name + ": not a number: " + value);
        }
        BigInteger n = new BigInteger(v);
        if (n.compareTo(BigInteger.valueOf(min)) < 0 || n.compareTo(BigInteger.valueOf(max)) > 0) {
            throw new IllegalArgumentException(name + ": out of range " + min + ".." + max + ": " + v);
        }
        return n.intValue();
    }

    private static String nonEmpty(String name, String value) {
        if (value == null || value.trim().isEmpty()) {
            throw new IllegalArgumentException(name + ": empty");
        }
        return value;
    }
}

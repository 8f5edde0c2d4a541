package org.apptrack.appqoe.config;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.apptrack.appqoe.probe.Dscp;

/**
 * The match of an APBR rule (Junos {@code profile P rule R match}): every criterion given must
 * match, any item of a criterion's list may. {@code application} matches the session's
 * application or its nested application (as a Junos dynamic-application names the most specific
 * one: {@code YOUTUBE} matches HTTP/YOUTUBE); {@code nestedApplication} only the nested one.
 * {@link #matches} compares what sessions carry (names as AppTrack logs them, addresses as two
 * longs, IPv4-mapped) and allocates nothing.
 */
public final class ApbrMatch {

    /** Everything matches. */
    public static final ApbrMatch ANY = new ApbrMatch(new String[0], new String[0], null, new IpPrefix[0],
            new IpPrefix[0], new int[0], -1L);

    private static final Pattern APPLICATION = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}");
    private static final Map<String, Integer> PROTOCOLS = Map.ofEntries(
            Map.entry("icmp", 1), Map.entry("igmp", 2), Map.entry("tcp", 6), Map.entry("udp", 17),
            Map.entry("gre", 47), Map.entry("esp", 50), Map.entry("ah", 51), Map.entry("icmp6", 58),
            Map.entry("icmpv6", 58), Map.entry("ipv6-icmp", 58), Map.entry("ospf", 89), Map.entry("pim", 103),
            Map.entry("sctp", 132));

    private final String[] applications;
    private final String[] nestedApplications;
    /** 256-bit set of IP protocol numbers, null: any. */
    private final long[] protocols;
    private final IpPrefix[] sources;
    private final IpPrefix[] destinations;
    /** Inclusive port ranges as pairs (low, high); empty: any. */
    private final int[] portRanges;
    /** Bit n set: DSCP n matches; all set: any. */
    private final long dscps;

    private ApbrMatch(String[] applications, String[] nestedApplications, long[] protocols, IpPrefix[] sources,
                      IpPrefix[] destinations, int[] portRanges, long dscps) {
        this.applications = applications;
        this.nestedApplications = nestedApplications;
        this.protocols = protocols;
        this.sources = sources;
        this.destinations = destinations;
        this.portRanges = portRanges;
        this.dscps = dscps;
    }

    /**
     * Whether a session matches.
     *
     * @param application       AppTrack's application name (e.g. HTTP), null or UNKNOWN while unidentified
     * @param nestedApplication AppTrack's nested application (e.g. YOUTUBE), null or UNKNOWN when none
     * @param protocol          IP protocol number
     * @param dscp              the session's DSCP 0-63
     */
    @SuppressWarnings("checkstyle:ParameterNumber")
    public boolean matches(String application, String nestedApplication, int protocol, long sourceHigh,
                           long sourceLow, long destinationHigh, long destinationLow, int destinationPort, int dscp) {
        if (applications.length > 0 && !contains(applications, application) && !contains(applications, nestedApplication)) {
            return false;
        }
        if (nestedApplications.length > 0 && !contains(nestedApplications, nestedApplication)) {
            return false;
        }
        if (protocols != null && (protocol < 0 || protocol > 255 || (protocols[protocol >>> 6] & (1L << protocol)) == 0)) {
            return false;
        }
        if (!inAny(sources, sourceHigh, sourceLow) || !inAny(destinations, destinationHigh, destinationLow)) {
            return false;
        }
        if (portRanges.length > 0 && !inRanges(destinationPort)) {
            return false;
        }
        return dscp >= 0 && dscp <= 63 && (dscps & (1L << dscp)) != 0;
    }

    private static boolean contains(String[] names, String name) {
        if (name == null) {
            return false;
        }
        for (String n : names) {
            if (n.equalsIgnoreCase(name)) {
                return true;
            }
        }
        return false;
    }

    private static boolean inAny(IpPrefix[] prefixes, long high, long low) {
        if (prefixes.length == 0) {
            return true;
        }
        for (IpPrefix p : prefixes) {
            if (p.contains(high, low)) {
                return true;
            }
        }
        return false;
    }

    private boolean inRanges(int port) {
        for (int i = 0; i < portRanges.length; i += 2) {
            if (port >= portRanges[i] && port <= portRanges[i + 1]) {
                return true;
            }
        }
        return false;
    }

    /** Whether the match depends on the application, so that it can only be decided once the application is known. */
    public boolean needsApplication() {
        return applications.length > 0 || nestedApplications.length > 0;
    }

    /** The configured application names (upper case, without "junos:"); empty: any. */
    public List<String> applications() {
        return List.of(applications);
    }

    public List<String> nestedApplications() {
        return List.of(nestedApplications);
    }

    public List<IpPrefix> sourceAddresses() {
        return List.of(sources);
    }

    public List<IpPrefix> destinationAddresses() {
        return List.of(destinations);
    }

    /** Whether {@code protocol} is allowed (true for every protocol when none is configured). */
    public boolean allowsProtocol(int protocol) {
        return protocols == null || (protocol >= 0 && protocol <= 255 && (protocols[protocol >>> 6] & (1L << protocol)) != 0);
    }

    /** Inclusive (low, high) pairs; empty: any port. */
    public int[] destinationPortRanges() {
        return portRanges.clone();
    }

    /** Bit n set when DSCP n matches. */
    public long dscpMask() {
        return dscps;
    }

    static ApbrMatch parse(KeyedFields f) {
        String[] apps = applicationNames(f, "application");
        String[] nested = applicationNames(f, "nestedApplication");
        long[] protocols = protocols(f);
        IpPrefix[] sources = prefixes(f, "sourceAddress");
        IpPrefix[] destinations = prefixes(f, "destinationAddress");
        int[] ports = ports(f);
        long dscps = -1L;
        if (f.has("dscp")) {
            dscps = 0;
            for (String d : f.list("dscp")) {
                try {
                    dscps |= 1L << Dscp.parse(d);
                } catch (IllegalArgumentException e) {
                    throw f.error("dscp", e.getMessage());
                }
            }
        }
        return new ApbrMatch(apps, nested, protocols, sources, destinations, ports, dscps);
    }

    private static String[] applicationNames(KeyedFields f, String field) {
        List<String> items = f.list(field);
        if (items.size() == 1 && items.get(0).equalsIgnoreCase("any")) {
            return new String[0];
        }
        List<String> out = new ArrayList<>();
        for (String item : items) {
            String name = item.regionMatches(true, 0, "junos:", 0, 6) ? item.substring(6) : item;
            if (name.equalsIgnoreCase("any")) {
                throw f.error(field, "'any' must stand alone");
            }
            if (!APPLICATION.matcher(name).matches() || name.indexOf(':') >= 0) {
                throw f.error(field, "not an application name: '" + item + "'");
            }
            out.add(name.toUpperCase(Locale.ROOT));
        }
        return out.toArray(new String[0]);
    }

    private static long[] protocols(KeyedFields f) {
        if (!f.has("protocol")) {
            return null;
        }
        long[] set = new long[4];
        for (String p : f.list("protocol")) {
            Integer n = PROTOCOLS.get(p.toLowerCase(Locale.ROOT));
            if (n == null) {
                try {
                    n = Integer.parseInt(p);
                } catch (NumberFormatException e) {
                    n = -1;
                }
            }
            if (n < 0 || n > 255) {
                throw f.error("protocol", "not a protocol (tcp, udp, icmp, icmp6, gre, esp, ah, sctp, ... or 0-255): '"
                        + p + "'");
            }
            set[n >>> 6] |= 1L << n;
        }
        return set;
    }

    private static IpPrefix[] prefixes(KeyedFields f, String field) {
        List<IpPrefix> out = new ArrayList<>();
        for (String p : f.list(field)) {
            if (p.equalsIgnoreCase("any")) {
                return new IpPrefix[0];
            }
            try {
                out.add(IpPrefix.parse(p));
            } catch (IllegalArgumentException e) {
                throw f.error(field, e.getMessage());
            }
        }
        return out.toArray(new IpPrefix[0]);
    }

    private static int[] ports(KeyedFields f) {
        List<String> items = f.list("destinationPort");
        int[] out = new int[items.size() * 2];
        for (int i = 0; i < items.size(); i++) {
            String item = items.get(i);
            int dash = item.indexOf('-');
            try {
                int lo = Integer.parseInt((dash < 0 ? item : item.substring(0, dash)).trim());
                int hi = dash < 0 ? lo : Integer.parseInt(item.substring(dash + 1).trim());
                if (lo < 0 || hi > 65535 || lo > hi) {
                    throw new NumberFormatException();
                }
                out[2 * i] = lo;
                out[2 * i + 1] = hi;
            } catch (NumberFormatException e) {
                throw f.error("destinationPort", "not a port 0-65535 or a range LOW-HIGH: '" + item + "'");
            }
        }
        return out;
    }

    @Override
    public String toString() {
        return "match application " + Arrays.toString(applications) + " nested " + Arrays.toString(nestedApplications)
                + " source " + Arrays.toString(sources) + " destination " + Arrays.toString(destinations)
                + " ports " + Arrays.toString(portRanges) + (dscps == -1L ? "" : " dscp mask 0x" + Long.toHexString(dscps));
    }
}

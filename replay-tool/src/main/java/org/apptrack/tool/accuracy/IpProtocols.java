package org.apptrack.tool.accuracy;

import java.util.Locale;
import java.util.Map;

/** The layer-4 names ndpiReader prints ({@code TCP}, {@code ICMPV6}, ...; others as decimal numbers). */
final class IpProtocols {

    static final int ICMP = 1;
    static final int TCP = 6;
    static final int UDP = 17;
    static final int ICMPV6 = 58;

    private static final Map<String, Integer> BY_NAME = Map.ofEntries(
            Map.entry("ICMP", ICMP), Map.entry("IGMP", 2), Map.entry("TCP", TCP), Map.entry("UDP", UDP),
            Map.entry("GRE", 47), Map.entry("ESP", 50), Map.entry("AH", 51), Map.entry("ICMPV6", ICMPV6),
            Map.entry("OSPF", 89), Map.entry("PIM", 103), Map.entry("VRRP", 112), Map.entry("PGM", 113),
            Map.entry("SCTP", 132));

    private IpProtocols() {
    }

    /**
     * The protocol number of a name or decimal number.
     *
     * @throws IllegalArgumentException for anything else
     */
    static int number(String l4) {
        Integer known = BY_NAME.get(l4.toUpperCase(Locale.ROOT));
        if (known != null) {
            return known;
        }
        try {
            int n = Integer.parseInt(l4);
            if (n >= 0 && n <= 255) {
                return n;
            }
        } catch (NumberFormatException e) {
            // below
        }
        throw new IllegalArgumentException("not an IP protocol: '" + l4 + "'");
    }

    /** Whether flows of the protocol are told apart by ports (TCP, UDP); others by addresses only. */
    static boolean hasPorts(int protocol) {
        return protocol == TCP || protocol == UDP;
    }
}

package org.apptrack.capture.filter;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import org.apptrack.api.traffic.OwnTraffic;
import org.apptrack.api.traffic.OwnTrafficRule;

/**
 * The product's own traffic as a tcpdump (BPF) filter expression that leaves it out, so the
 * kernel drops it before it is copied to the capture:
 * {@code not ((tcp and ((src host A and src port P) or (dst host A and dst port P))) or ...)}.
 * Rules that differ only in their port share one term. libpcap gives {@code and} and {@code or}
 * the same precedence, so every term is in parentheses.
 */
public final class OwnTrafficBpf {

    private OwnTrafficBpf() {
    }

    /** The expression that excludes {@code traffic}; empty when there is none. */
    public static String exclusion(OwnTraffic traffic) {
        Map<Group, TreeSet<Integer>> groups = new LinkedHashMap<>();
        for (OwnTrafficRule r : traffic.rules()) {
            groups.computeIfAbsent(new Group(r), g -> new TreeSet<>()).add(r.port());
        }
        if (groups.isEmpty()) {
            return "";
        }
        List<String> terms = new ArrayList<>();
        for (Map.Entry<Group, TreeSet<Integer>> e : groups.entrySet()) {
            Group g = e.getKey();
            terms.add("(" + g.protocol + " and (" + side(g, e.getValue(), "src", "dst") + " or "
                    + side(g, e.getValue(), "dst", "src") + "))");
        }
        return "not (" + String.join(" or ", terms) + ")";
    }

    /**
     * The operator's filter and the exclusion together: {@code (operator) and exclusion}; either
     * alone when the other is empty.
     */
    public static String combine(String operatorFilter, String exclusion) {
        String operator = operatorFilter == null ? "" : operatorFilter.trim();
        String own = exclusion == null ? "" : exclusion.trim();
        if (operator.isEmpty()) {
            return own;
        }
        return own.isEmpty() ? operator : "(" + operator + ") and " + own;
    }

    /** One direction: the endpoint on side {@code endpoint}, its peer on side {@code peer}. */
    private static String side(Group g, TreeSet<Integer> ports, String endpoint, String peer) {
        List<String> parts = new ArrayList<>();
        parts.add(any(endpoint + " host ", g.addresses));
        List<String> portTexts = new ArrayList<>();
        for (int p : ports) {
            portTexts.add(Integer.toString(p));
        }
        parts.add(anyText(endpoint + " port ", portTexts));
        if (!g.peers.isEmpty()) {
            parts.add(any(peer + " host ", g.peers));
        }
        if (g.peerPort != 0) {
            parts.add(peer + " port " + g.peerPort);
        }
        return "(" + String.join(" and ", parts) + ")";
    }

    private static String any(String prefix, List<InetAddress> addresses) {
        List<String> texts = new ArrayList<>();
        for (InetAddress a : addresses) {
            texts.add(text(a));
        }
        return anyText(prefix, texts);
    }

    private static String anyText(String prefix, List<String> values) {
        if (values.size() == 1) {
            return prefix + values.get(0);
        }
        List<String> alternatives = new ArrayList<>();
        for (String v : values) {
            alternatives.add(prefix + v);
        }
        return "(" + String.join(" or ", alternatives) + ")";
    }

    /** Dotted quad, or RFC 5952 text (longest run of zero groups as "::"). */
    static String text(InetAddress a) {
        if (a instanceof Inet4Address) {
            return a.getHostAddress();
        }
        byte[] b = a.getAddress();
        int[] g = new int[8];
        for (int i = 0; i < 8; i++) {
            g[i] = (b[2 * i] & 0xff) << 8 | b[2 * i + 1] & 0xff;
        }
        int bestStart = -1;
        int bestLength = 1;
        for (int i = 0; i < 8; i++) {
            int j = i;
            while (j < 8 && g[j] == 0) {
                j++;
            }
            if (j - i > bestLength) {
                bestStart = i;
                bestLength = j - i;
            }
            i = Math.max(i, j);
        }
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                s.append("::");
                i += bestLength - 1;
                continue;
            }
            if (s.length() > 0 && s.charAt(s.length() - 1) != ':') {
                s.append(':');
            }
            s.append(Integer.toHexString(g[i]));
        }
        return s.toString();
    }

    /** What rules share when only their ports differ. */
    private static final class Group {
        final String protocol;
        final List<InetAddress> addresses;
        final List<InetAddress> peers;
        final int peerPort;

        Group(OwnTrafficRule r) {
            protocol = r.protocol().keyword();
            addresses = r.addresses();
            peers = r.peers();
            peerPort = r.peerPort();
        }

        @Override
        public boolean equals(Object o) {
            if (!(o instanceof Group)) {
                return false;
            }
            Group g = (Group) o;
            return protocol.equals(g.protocol) && addresses.equals(g.addresses) && peers.equals(g.peers)
                    && peerPort == g.peerPort;
        }

        @Override
        public int hashCode() {
            return Objects.hash(protocol, addresses, peers, peerPort);
        }
    }
}

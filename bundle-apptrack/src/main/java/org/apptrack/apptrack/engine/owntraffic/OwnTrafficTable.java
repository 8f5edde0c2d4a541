package org.apptrack.apptrack.engine.owntraffic;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.List;
import org.apptrack.api.traffic.OwnTraffic;
import org.apptrack.api.traffic.OwnTrafficRule;
import org.apptrack.apptrack.engine.OwnTrafficMatcher;

/**
 * The own-traffic rules in primitive arrays, for the engine's no-session path: a bit per port
 * that any rule's endpoint uses turns most packets away with one array read, the few left are
 * compared with each rule in both directions. Immutable: a change of the rules builds a new
 * table, which the runtime hands to the engine as it does with new zones.
 */
public final class OwnTrafficTable implements OwnTrafficMatcher {

    private static final long MAPPED_PREFIX = 0x0000_ffff_0000_0000L;

    /** One bit per port 0..65535 that is a rule's endpoint port. */
    private final long[] endpointPorts = new long[1024];
    private final int[] protocols;
    private final int[] ports;
    private final int[] peerPorts;
    /** Rule i's endpoint addresses are addresses[addressStart[i] .. addressStart[i + 1]). */
    private final int[] addressStart;
    private final long[] addressHigh;
    private final long[] addressLow;
    /** Rule i's peers are peers[peerStart[i] .. peerStart[i + 1]); none: any peer. */
    private final int[] peerStart;
    private final long[] peerHigh;
    private final long[] peerLow;

    private OwnTrafficTable(List<OwnTrafficRule> rules) {
        int n = rules.size();
        protocols = new int[n];
        ports = new int[n];
        peerPorts = new int[n];
        addressStart = new int[n + 1];
        peerStart = new int[n + 1];
        int addresses = 0;
        int peers = 0;
        for (OwnTrafficRule r : rules) {
            addresses += r.addresses().size();
            peers += r.peers().size();
        }
        addressHigh = new long[addresses];
        addressLow = new long[addresses];
        peerHigh = new long[peers];
        peerLow = new long[peers];
        int a = 0;
        int p = 0;
        for (int i = 0; i < n; i++) {
            OwnTrafficRule r = rules.get(i);
            protocols[i] = r.protocol().number();
            ports[i] = r.port();
            peerPorts[i] = r.peerPort();
            endpointPorts[r.port() >>> 6] |= 1L << r.port();
            addressStart[i] = a;
            for (InetAddress address : r.addresses()) {
                addressHigh[a] = high(address);
                addressLow[a++] = low(address);
            }
            peerStart[i] = p;
            for (InetAddress address : r.peers()) {
                peerHigh[p] = high(address);
                peerLow[p++] = low(address);
            }
        }
        addressStart[n] = a;
        peerStart[n] = p;
    }

    /** The table of {@code traffic}'s rules. */
    public static OwnTrafficTable of(OwnTraffic traffic) {
        return new OwnTrafficTable(traffic.rules());
    }

    /** How many rules the table holds. */
    public int rules() {
        return protocols.length;
    }

    @Override
    public boolean matches(int protocol, long srcHigh, long srcLow, int srcPort, long dstHigh, long dstLow,
                           int dstPort) {
        long[] bits = endpointPorts;
        if ((bits[srcPort >>> 6] & 1L << srcPort) == 0 && (bits[dstPort >>> 6] & 1L << dstPort) == 0) {
            return false;
        }
        for (int i = 0; i < protocols.length; i++) {
            if (protocols[i] != protocol) {
                continue;
            }
            if (srcPort == ports[i] && side(i, srcHigh, srcLow, dstHigh, dstLow, dstPort)) {
                return true;
            }
            if (dstPort == ports[i] && side(i, dstHigh, dstLow, srcHigh, srcLow, srcPort)) {
                return true;
            }
        }
        return false;
    }

    /** Whether the endpoint side of rule {@code i} is (endpoint) and its peer side is (peer, peerPort). */
    private boolean side(int i, long endpointHigh, long endpointLow, long peerAddressHigh, long peerAddressLow,
                         int peerPort) {
        if (peerPorts[i] != 0 && peerPorts[i] != peerPort) {
            return false;
        }
        if (!contains(addressHigh, addressLow, addressStart[i], addressStart[i + 1], endpointHigh, endpointLow)) {
            return false;
        }
        int from = peerStart[i];
        int to = peerStart[i + 1];
        return from == to || contains(peerHigh, peerLow, from, to, peerAddressHigh, peerAddressLow);
    }

    private static boolean contains(long[] high, long[] low, int from, int to, long h, long l) {
        for (int k = from; k < to; k++) {
            if (low[k] == l && high[k] == h) {
                return true;
            }
        }
        return false;
    }

    private static long high(InetAddress address) {
        return address instanceof Inet4Address ? 0 : bytes(address.getAddress(), 0);
    }

    private static long low(InetAddress address) {
        byte[] b = address.getAddress();
        return address instanceof Inet4Address ? MAPPED_PREFIX | bytes(b, 0) >>> 32 : bytes(b, 8);
    }

    /** Big-endian: up to 8 bytes from {@code offset}, left-aligned. */
    private static long bytes(byte[] b, int offset) {
        long v = 0;
        for (int i = 0; i < 8; i++) {
            v = v << 8 | (offset + i < b.length ? b[offset + i] & 0xff : 0);
        }
        return v;
    }
}

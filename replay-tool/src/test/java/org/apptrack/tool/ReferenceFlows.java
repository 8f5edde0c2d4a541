package org.apptrack.tool;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The reference side of {@link TsharkSessionCounts}: tshark's packets of one capture, cut into the
 * flows an SRX makes of them. A flow is a canonical key (protocol and the unordered pair of
 * (address, port) endpoints; ICMP echo: the identifier as both ports, other ICMP: ports 0; tunnels:
 * the outer header) and its per-endpoint packets and layer-3 bytes. Where a session legitimately
 * differs from a whole-capture 5-tuple count, these rules cut the key's packets into several
 * flows or leave packets out, each counted in {@link #excluded}:
 * <ol>
 * <li>Time: a timestamp older than one already seen counts as the newest one seen (captures
 * merged out of order), as the engine's clock never goes backwards.</li>
 * <li>Idle timeout: a gap longer than the protocol's timeout starts a new flow (TCP 1800 s, 20 s
 * from a SYN until the client acknowledges the server (its SYN-ACK or, missed, any ACK), 10 s once both FINs were seen, {@value #LINGER_SECONDS} s once
 * the connection ended by RST or by its closing FIN exchange; other protocols 60 s).</li>
 * <li>TCP connection reuse: a SYN without ACK after the connection ended (RST, or both FINs)
 * starts a new flow. A RST that would start a flow is not counted (no session is made of a
 * RST).</li>
 * <li>Response received: an ICMP echo flow ends with the responder's echo reply; a DNS flow (UDP,
 * responder port 53) ends with a response (QR set) once the responder has sent as many packets
 * as the initiator; a response that arrives fragmented ends its flow with its last fragment.</li>
 * <li>ICMP errors are no packets of any flow; one that quotes an open flow other than TCP ends it.</li>
 * <li>Later fragments count in the flow of their first fragment (same source, destination,
 * protocol and identification); without one they are left out.</li>
 * </ol>
 * The initiator of a flow (its client) is the sender of the first packet, except: a TCP SYN-ACK
 * first is sent by the server; another TCP segment first (no SYN seen) is sent by the server when
 * its source port is the lower one; a UDP datagram first from a port below 1024 to one at or
 * above is sent by the server; an ICMP echo reply first is sent by the server.
 */
final class ReferenceFlows {

    static final int LINGER_SECONDS = 2;
    private static final long SECOND = 1_000_000_000L;
    private static final int FIN = 0x01;
    private static final int SYN = 0x02;
    private static final int RST = 0x04;
    private static final int ACK = 0x10;

    /** One flow: [pkts from A, bytes from A, pkts from B, bytes from B] with A the key's first endpoint. */
    static final class Flow {
        final String key;
        final int protocol;
        final long[] v = new long[4];
        /** The endpoint (0 = A, 1 = B) that initiated the flow. */
        final int clientDir;
        /** Whether the flow began with a SYN without ACK (its client is then certain). */
        final boolean beganWithSyn;
        final int clientPort;
        final int serverPort;
        long lastNanos;
        long laterFragments;
        int rstFrom = -1;
        boolean finA;
        boolean finB;
        boolean finalAck;
        boolean established;
        boolean serverAcked;
        boolean endPending;

        Flow(String key, int protocol, int clientDir, boolean beganWithSyn, int clientPort, int serverPort) {
            this.key = key;
            this.protocol = protocol;
            this.clientDir = clientDir;
            this.beganWithSyn = beganWithSyn;
            this.clientPort = clientPort;
            this.serverPort = serverPort;
        }

        long packets() {
            return v[0] + v[2];
        }

        boolean terminated() {
            return rstFrom >= 0 || finA && finB && finalAck;
        }

        long timeoutNanos() {
            if (protocol != 6) {
                return 60 * SECOND;
            }
            if (terminated()) {
                return LINGER_SECONDS * SECOND;
            }
            if (finA && finB) {
                return 10 * SECOND;
            }
            return established ? 1800 * SECOND : 20 * SECOND;
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "A->B %d pkts/%d B, B->A %d pkts/%d B", v[0], v[1], v[2], v[3]);
        }
    }

    /** One IP packet as tshark decoded it (outer header for tunnels). */
    static final class Packet {
        long nanos;
        int protocol;
        String src;
        String dst;
        int srcPort;
        int dstPort;
        long bytes;
        int tcpFlags;
        int icmpType = -1;
        boolean dnsResponse;
        boolean firstFragment;
        boolean laterFragment;
        boolean moreFragments;
        String fragmentId = "";
        /** ICMP errors: the quoted packet's protocol, addresses and ports. */
        int innerProtocol = -1;
        String innerSrc;
        String innerDst;
        int innerSrcPort;
        int innerDstPort;
    }

    final List<Flow> flows = new ArrayList<>();
    final Map<String, Long> excluded = new TreeMap<>();
    private final Map<String, Flow> open = new HashMap<>();
    private final Map<String, Flow> firstFragments = new HashMap<>();
    private final Map<String, String> addressCache = new HashMap<>();
    private long clock = Long.MIN_VALUE;

    /** Adds the capture's next packet. */
    void add(Packet p) {
        // A capture's clock never goes backwards: an older timestamp counts as the newest one seen.
        clock = Math.max(clock, p.nanos);
        p.nanos = clock;
        if (p.laterFragment) {
            laterFragment(p);
            return;
        }
        if (p.innerProtocol >= 0) {
            icmpError(p);
            return;
        }
        String a = normal(p.src) + ' ' + p.srcPort;
        String b = normal(p.dst) + ' ' + p.dstPort;
        boolean srcIsA = a.compareTo(b) <= 0;
        String key = p.protocol + " " + (srcIsA ? a + ' ' + b : b + ' ' + a);
        int dir = srcIsA ? 0 : 1;
        Flow f = open.get(key);
        if (f != null && p.nanos - f.lastNanos > f.timeoutNanos()) {
            f = end(key);
        }
        boolean syn = (p.tcpFlags & SYN) != 0;
        boolean ack = (p.tcpFlags & ACK) != 0;
        if (f != null && p.protocol == 6 && syn && !ack && (f.rstFrom >= 0 || f.finA && f.finB)) {
            f = end(key);
        }
        if (f == null) {
            if (p.protocol == 6 && (p.tcpFlags & RST) != 0) {
                count("tcp-rst-without-session frames");
                return;
            }
            boolean senderIsClient = senderIsClient(p);
            int clientDir = senderIsClient ? dir : 1 - dir;
            f = new Flow(key, p.protocol, clientDir, p.protocol == 6 && syn && !ack,
                    senderIsClient ? p.srcPort : p.dstPort, senderIsClient ? p.dstPort : p.srcPort);
            f.established = p.protocol == 6 && !f.beganWithSyn; // picked up mid-connection
            flows.add(f);
            open.put(key, f);
        }
        f.v[dir * 2]++;
        f.v[dir * 2 + 1] += p.bytes;
        f.lastNanos = p.nanos;
        if (p.firstFragment) {
            firstFragments.put(fragmentKey(p), f);
        }
        boolean fromClient = dir == f.clientDir;
        if (p.protocol == 6) {
            tcp(f, p, fromClient);
        } else if (!fromClient && responseEnds(f, p)) {
            if (p.firstFragment) {
                f.endPending = true;
            } else {
                end(key);
            }
        }
    }

    /** Ends the flows still open (the end of the capture). */
    List<Flow> finish() {
        open.clear();
        return flows;
    }

    private static boolean senderIsClient(Packet p) {
        if (p.protocol == 6) {
            boolean syn = (p.tcpFlags & SYN) != 0;
            boolean ack = (p.tcpFlags & ACK) != 0;
            if (syn) {
                return !ack;
            }
            return p.srcPort >= p.dstPort;
        }
        if (p.protocol == 17) {
            return !(p.srcPort < 1024 && p.dstPort >= 1024);
        }
        if (p.protocol == 1 || p.protocol == 58) {
            return p.icmpType != (p.protocol == 1 ? 0 : 129);
        }
        return true;
    }

    private static void tcp(Flow f, Packet p, boolean fromClient) {
        int flags = p.tcpFlags;
        if ((flags & RST) != 0) {
            if (f.rstFrom < 0) {
                f.rstFrom = fromClient ? 0 : 1;
            }
            return;
        }
        boolean closingBefore = f.finA && f.finB;
        if ((flags & ACK) != 0) {
            if (!fromClient) {
                f.serverAcked = true;
            } else if ((flags & SYN) == 0 && f.serverAcked) {
                f.established = true;
            }
        }
        if ((flags & FIN) != 0) {
            if (fromClient) {
                f.finA = true;
            } else {
                f.finB = true;
            }
        }
        if (closingBefore && (flags & (ACK | FIN | SYN)) == ACK) {
            f.finalAck = true;
        }
    }

    /** Whether a packet from the responder ends its flow ("response received"). */
    private static boolean responseEnds(Flow f, Packet p) {
        switch (p.protocol) {
            case 1:
                return p.icmpType == 0;
            case 58:
                return p.icmpType == 129;
            case 17:
                return f.serverPort == 53 && p.srcPort == 53 && p.dnsResponse
                        && f.v[(1 - f.clientDir) * 2] >= f.v[f.clientDir * 2];
            default:
                return false;
        }
    }

    private void laterFragment(Packet p) {
        Flow f = firstFragments.get(fragmentKey(p));
        if (f == null) {
            count("later-fragment-without-first frames");
            return;
        }
        String endpointA = f.key.split(" ")[1];
        int dir = endpointA.equals(normal(p.src)) ? 0 : 1;
        f.v[dir * 2]++;
        f.v[dir * 2 + 1] += p.bytes;
        f.laterFragments++;
        f.lastNanos = Math.max(f.lastNanos, p.nanos);
        if (!p.moreFragments && f.endPending && open.get(f.key) == f) {
            end(f.key);
        }
    }

    private void icmpError(Packet p) {
        count("icmp-error frames");
        if (p.innerProtocol < 0 || p.innerProtocol == 6) {
            return;
        }
        String a = normal(p.innerSrc) + ' ' + p.innerSrcPort;
        String b = normal(p.innerDst) + ' ' + p.innerDstPort;
        String key = p.innerProtocol + " " + (a.compareTo(b) <= 0 ? a + ' ' + b : b + ' ' + a);
        Flow f = open.get(key);
        if (f != null && p.nanos - f.lastNanos <= f.timeoutNanos()) {
            end(key);
        }
    }

    private Flow end(String key) {
        open.remove(key);
        return null;
    }

    private static String fragmentKey(Packet p) {
        return p.src + '|' + p.dst + '|' + p.protocol + '|' + p.fragmentId;
    }

    private void count(String reason) {
        excluded.merge(reason, 1L, Long::sum);
    }

    String normal(String address) {
        return addressCache.computeIfAbsent(address, x -> {
            try {
                return InetAddress.getByName(x).getHostAddress();
            } catch (UnknownHostException e) {
                throw new AssertionError("not an address literal: " + x, e);
            }
        });
    }
}

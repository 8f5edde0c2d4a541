package org.apptrack.tool;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.apptrack.capture.file.CaptureFileReader;

/**
 * The flows of a capture file counted the way ndpiReader reports them in the nDPI labels files
 * ({@code flows.tsv}): one flow per IP protocol and unordered pair of (address, port) end points
 * for the whole capture (ports 0 for protocols without ports), its first sender as {@code src},
 * packets and captured frame bytes per direction. Frames are read with the repository's
 * {@link CaptureFileReader}; frames that are not IPv4 or IPv6 (ARP) and later fragments are not
 * counted, VLAN tags are skipped, IPv6 extension headers are followed to the transport header.
 * For the labels files of captures without tunnels and without VLAN ids.
 */
final class CaptureFlowCounts {

    /** One end of a flow. */
    static final class Endpoint {
        final InetAddress address;
        final int port;

        Endpoint(InetAddress address, int port) {
            this.address = address;
            this.port = port;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Endpoint && ((Endpoint) o).address.equals(address) && ((Endpoint) o).port == port;
        }

        @Override
        public int hashCode() {
            return Objects.hash(address, port);
        }

        @Override
        public String toString() {
            String a = address.getHostAddress();
            return (a.indexOf(':') >= 0 ? "[" + a + "]" : a) + ":" + port;
        }
    }

    /** A flow's key: the IP protocol number and its two end points in either order. */
    static final class Key {
        final int protocol;
        final Endpoint one;
        final Endpoint other;

        Key(int protocol, Endpoint a, Endpoint b) {
            this.protocol = protocol;
            this.one = a;
            this.other = b;
        }

        @Override
        public boolean equals(Object o) {
            if (!(o instanceof Key)) {
                return false;
            }
            Key k = (Key) o;
            return k.protocol == protocol
                    && (k.one.equals(one) && k.other.equals(other) || k.one.equals(other) && k.other.equals(one));
        }

        @Override
        public int hashCode() {
            return 31 * protocol + one.hashCode() + other.hashCode();
        }

        @Override
        public String toString() {
            return protocol + " " + one + " <-> " + other;
        }
    }

    /** One flow: its first sender and the packets and bytes sent by each end. */
    static final class Flow {
        final Endpoint src;
        final Endpoint dst;
        long c2sPackets;
        long c2sBytes;
        long s2cPackets;
        long s2cBytes;

        Flow(Endpoint src, Endpoint dst) {
            this.src = src;
            this.dst = dst;
        }

        @Override
        public String toString() {
            return src + " -> " + dst + " [" + c2sPackets + " pkts/" + c2sBytes + " bytes, " + s2cPackets + " pkts/"
                    + s2cBytes + " bytes]";
        }
    }

    private static final int ETHERTYPE_IPV4 = 0x0800;
    private static final int ETHERTYPE_IPV6 = 0x86dd;
    private static final int TCP = 6;
    private static final int UDP = 17;

    private final Map<Key, Flow> flows = new LinkedHashMap<>();
    private long notCounted;

    private CaptureFlowCounts() {
    }

    /** The flows of {@code capture}, in the order of their first packet. */
    static CaptureFlowCounts of(Path capture) throws IOException {
        CaptureFlowCounts counts = new CaptureFlowCounts();
        try (CaptureFileReader reader = CaptureFileReader.open(capture)) {
            reader.readAll((index, nanos, frame, wireLength) -> counts.add(frame));
        }
        return counts;
    }

    Map<Key, Flow> flows() {
        return flows;
    }

    /** Frames that are no packet of any flow (not IP, later fragments, too short). */
    long notCounted() {
        return notCounted;
    }

    private void add(ByteBuffer frame) {
        int base = frame.position();
        int length = frame.remaining();
        int offset = 12;
        int type = u16(frame, base + offset);
        while (type == 0x8100 || type == 0x88a8) {
            offset += 4;
            type = length >= offset + 2 ? u16(frame, base + offset) : -1;
        }
        offset += 2;
        byte[] src;
        byte[] dst;
        int protocol;
        int l4;
        if (type == ETHERTYPE_IPV4 && length >= offset + 20) {
            int ihl = (frame.get(base + offset) & 0x0f) * 4;
            if ((u16(frame, base + offset + 6) & 0x1fff) != 0) {
                notCounted++;
                return;
            }
            protocol = frame.get(base + offset + 9) & 0xff;
            src = bytes(frame, base + offset + 12, 4);
            dst = bytes(frame, base + offset + 16, 4);
            l4 = offset + ihl;
        } else if (type == ETHERTYPE_IPV6 && length >= offset + 40) {
            protocol = frame.get(base + offset + 6) & 0xff;
            src = bytes(frame, base + offset + 8, 16);
            dst = bytes(frame, base + offset + 24, 16);
            l4 = offset + 40;
            // hop-by-hop, routing, fragment, destination options
            while ((protocol == 0 || protocol == 43 || protocol == 44 || protocol == 60) && length >= l4 + 8) {
                if (protocol == 44 && (u16(frame, base + l4 + 2) & 0xfff8) != 0) {
                    notCounted++;
                    return;
                }
                int next = frame.get(base + l4) & 0xff;
                l4 += protocol == 44 ? 8 : ((frame.get(base + l4 + 1) & 0xff) + 1) * 8;
                protocol = next;
            }
        } else {
            notCounted++;
            return;
        }
        int sport = 0;
        int dport = 0;
        if ((protocol == TCP || protocol == UDP) && length >= l4 + 4) {
            sport = u16(frame, base + l4);
            dport = u16(frame, base + l4 + 2);
        }
        Endpoint from = new Endpoint(address(src), sport);
        Endpoint to = new Endpoint(address(dst), dport);
        Flow flow = flows.computeIfAbsent(new Key(protocol, from, to), k -> new Flow(from, to));
        if (flow.src.equals(from)) {
            flow.c2sPackets++;
            flow.c2sBytes += length;
        } else {
            flow.s2cPackets++;
            flow.s2cBytes += length;
        }
    }

    private static int u16(ByteBuffer b, int at) {
        return (b.get(at) & 0xff) << 8 | b.get(at + 1) & 0xff;
    }

    private static byte[] bytes(ByteBuffer b, int at, int n) {
        byte[] out = new byte[n];
        for (int i = 0; i < n; i++) {
            out[i] = b.get(at + i);
        }
        return out;
    }

    private static InetAddress address(byte[] raw) {
        try {
            return InetAddress.getByAddress(raw);
        } catch (IOException e) {
            throw new IllegalArgumentException(Arrays.toString(raw), e);
        }
    }
}

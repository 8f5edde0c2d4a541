package org.apptrack.capture.live;

import java.nio.ByteBuffer;

/** What a test keeps of a delivered frame, and the protocol classification shared with tshark's. */
final class CapturedFrame {

    final long timestampNanos;
    final int capturedLength;
    final int wireLength;
    final String protocol;
    final byte[] bytes;

    CapturedFrame(long timestampNanos, ByteBuffer frame, int wireLength) {
        this.timestampNanos = timestampNanos;
        this.capturedLength = frame.remaining();
        this.wireLength = wireLength;
        this.protocol = classify(frame);
        this.bytes = new byte[frame.remaining()];
        frame.duplicate().get(bytes);
    }

    /** ARP, ICMP, ICMPv6, TCP, UDP, IPv4/n, IPv6/n, ether/0xNNNN or SHORT, from an Ethernet frame. */
    static String classify(ByteBuffer f) {
        int p = f.position();
        if (f.remaining() < 14) {
            return "SHORT";
        }
        int etherType = f.getShort(p + 12) & 0xffff;
        if (etherType == 0x0800 && f.remaining() >= 24) {
            return ipProtocol(4, f.get(p + 23) & 0xff);
        }
        if (etherType == 0x86dd && f.remaining() >= 21) {
            return ipProtocol(6, f.get(p + 20) & 0xff);
        }
        return etherTypeName(etherType);
    }

    /** The same classification from tshark fields (eth.type as 0xNNNN, ip.proto, ipv6.nxt). */
    static String classify(String ethType, String ipProto, String ipv6Next) {
        if (ethType.isEmpty()) {
            return "NONE";
        }
        int etherType = Integer.decode(ethType);
        if (etherType == 0x0800 && !ipProto.isEmpty()) {
            return ipProtocol(4, Integer.parseInt(ipProto));
        }
        if (etherType == 0x86dd && !ipv6Next.isEmpty()) {
            return ipProtocol(6, Integer.parseInt(ipv6Next));
        }
        return etherTypeName(etherType);
    }

    private static String etherTypeName(int etherType) {
        return etherType == 0x0806 ? "ARP" : String.format("ether/0x%04x", etherType);
    }

    private static String ipProtocol(int version, int protocol) {
        switch (protocol) {
            case 1:
                return "ICMP";
            case 6:
                return "TCP";
            case 17:
                return "UDP";
            case 58:
                return "ICMPv6";
            default:
                return "IPv" + version + "/" + protocol;
        }
    }

    @Override
    public String toString() {
        return protocol + "@" + timestampNanos + "/" + capturedLength;
    }
}

package org.apptrack.apptrack.appid.flows;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apptrack.apptrack.engine.decode.FrameDecoder;
import org.apptrack.testsupport.packets.CaptureReader;

/**
 * The TCP and UDP flows of a capture file, decoded with the engine's own {@link FrameDecoder}
 * (other link layers are given an Ethernet header first). Non-first IP fragments and packets
 * without payload are left out; tunnels are not opened.
 */
public final class CaptureFlows {

    private CaptureFlows() {
    }

    public static List<Flow> read(Path file) throws IOException {
        List<CaptureReader.Frame> frames = CaptureReader.read(file);
        FrameDecoder decoder = new FrameDecoder();
        Map<String, Flow> flows = new LinkedHashMap<>();
        int index = 0;
        for (CaptureReader.Frame f : frames) {
            index++;
            byte[] frame = ethernet(f.linkType(), f.data());
            if (frame == null || !decoder.decode(ByteBuffer.wrap(frame))) {
                continue;
            }
            int proto = decoder.protocol();
            if (proto != FrameDecoder.PROTO_TCP && proto != FrameDecoder.PROTO_UDP || decoder.isLaterFragment()) {
                continue;
            }
            InetAddress src = address(decoder.srcHigh(), decoder.srcLow());
            InetAddress dst = address(decoder.dstHigh(), decoder.dstLow());
            int sp = decoder.srcPort();
            int dp = decoder.dstPort();
            String forward = proto + " " + src.getHostAddress() + " " + sp + " " + dst.getHostAddress() + " " + dp;
            String backward = proto + " " + dst.getHostAddress() + " " + dp + " " + src.getHostAddress() + " " + sp;
            Flow flow = flows.get(forward);
            boolean fromClient = true;
            if (flow == null) {
                flow = flows.get(backward);
                fromClient = false;
            }
            if (flow == null) {
                flow = new Flow(proto, src, sp, dst, dp);
                flows.put(forward, flow);
                fromClient = true;
            }
            if (decoder.payloadLength() <= 0) {
                continue;
            }
            int seq = proto == FrameDecoder.PROTO_TCP ? ByteBuffer.wrap(frame).getInt(decoder.l4Offset() + 4) : 0;
            flow.packets.add(new Flow.Packet(frame, decoder.payloadOffset(), decoder.payloadLength(), fromClient, seq,
                    index));
        }
        return new ArrayList<>(flows.values());
    }

    /** The frame with an Ethernet header in place of its link layer's, or null for an unknown link type. */
    static byte[] ethernet(int linkType, byte[] data) {
        switch (linkType) {
            case CaptureReader.LINK_ETHERNET:
                return data;
            case CaptureReader.LINK_RAW:
                return data.length == 0 ? null : withEthernet(data, 0, (data[0] & 0xf0) == 0x60 ? 0x86dd : 0x0800);
            case CaptureReader.LINK_LINUX_SLL:
                return data.length < 16 ? null : withEthernet(data, 16, (data[14] & 0xff) << 8 | data[15] & 0xff);
            case CaptureReader.LINK_NULL:
                return data.length < 5 ? null : withEthernet(data, 4, (data[4] & 0xf0) == 0x60 ? 0x86dd : 0x0800);
            default:
                return null;
        }
    }

    private static byte[] withEthernet(byte[] data, int skip, int etherType) {
        byte[] out = new byte[14 + data.length - skip];
        out[12] = (byte) (etherType >> 8);
        out[13] = (byte) etherType;
        System.arraycopy(data, skip, out, 14, data.length - skip);
        return out;
    }

    private static InetAddress address(long high, long low) {
        byte[] b = new byte[16];
        for (int i = 0; i < 8; i++) {
            b[i] = (byte) (high >>> (56 - 8 * i));
            b[8 + i] = (byte) (low >>> (56 - 8 * i));
        }
        try {
            return InetAddress.getByAddress(b); // an IPv4-mapped address comes back as an Inet4Address
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}

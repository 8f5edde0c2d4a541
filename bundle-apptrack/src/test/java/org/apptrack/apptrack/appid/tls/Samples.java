package org.apptrack.apptrack.appid.tls;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apptrack.apptrack.appid.flows.CaptureFlows;
import org.apptrack.apptrack.appid.flows.Flow;
import org.apptrack.apptrack.appid.flows.GroundTruth;
import org.apptrack.testsupport.data.TestData;
import org.apptrack.testsupport.prereq.Prerequisites;

/** Real TLS byte streams from the shared captures, for tests that cut, shuffle or damage them. */
final class Samples {

    private Samples() {
    }

    static Path capture(String set, String file) {
        Path p = GroundTruth.capture(set, file);
        Prerequisites.optional(TestData.missing(p), Files.isRegularFile(p));
        return p;
    }

    /** The TCP flows of a capture. */
    static List<Flow> flows(String set, String file) throws IOException {
        return CaptureFlows.read(capture(set, file));
    }

    /** One direction's payload bytes in capture order (no retransmissions in the flows used). */
    static byte[] stream(Flow flow, boolean fromClient, int atMost) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Flow.Packet p : flow.packets(fromClient)) {
            out.write(p.frame(), p.payloadOffset(), p.payloadLength());
            if (out.size() >= atMost) {
                break;
            }
        }
        return out.toByteArray();
    }

    /** The client streams (first 4 KiB) of the flows of sites.pcapng that start with a ClientHello record. */
    static List<byte[]> clientHellos() throws IOException {
        return starts(flows("ndpi", "sites.pcapng"), true);
    }

    /** The server streams (first 8 KiB) of flows of tls_certificate_too_long.pcap and KakaoTalk_chat.pcap (TLS 1.2, certificates). */
    static List<byte[]> serverFlights() throws IOException {
        List<byte[]> out = starts(flows("ndpi", "tls_certificate_too_long.pcap"), false);
        out.addAll(starts(flows("ndpi", "KakaoTalk_chat.pcap"), false));
        return out;
    }

    private static List<byte[]> starts(List<Flow> flows, boolean fromClient) {
        List<byte[]> out = new java.util.ArrayList<>();
        for (Flow f : flows) {
            if (f.protocol() != 6) {
                continue;
            }
            byte[] s = stream(f, fromClient, fromClient ? 4096 : 8192);
            if (s.length > 5 && s[0] == 0x16 && s[1] == 3 && s[5] == (fromClient ? 1 : 2)) {
                out.add(s);
            }
        }
        return out;
    }
}

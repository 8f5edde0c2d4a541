package org.apptrack.apptrack.appid.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apptrack.apptrack.appid.flows.CaptureFlows;
import org.apptrack.apptrack.appid.flows.Flow;
import org.apptrack.apptrack.appid.flows.Tshark;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every datagram of a set of captures with DTLS (WebRTC media of Zoom and Google Meet, OpenSSL,
 * the pre-standard 0x0100 version) that starts with a ClientHello record: our reader against
 * tshark's: version, server name, ALPN, and a fragmented hello (Zoom sends one in two datagrams)
 * is reported as not reassembled.
 */
class DtlsClientHelloCaptureTest {

    @ParameterizedTest(name = "{0}/{1}")
    @CsvSource({
        "ndpi, stun_zoom.pcapng",
        "ndpi-extended, dtls.pcap",
        "ndpi-extended, dtls2.pcap",
        "ndpi-extended, dtls_old_version.pcapng",
        "ndpi-extended, dtls_session_id_and_coockie_both.pcap",
        "ndpi-extended, dtls_certificate_fragments.pcap",
        "ndpi-extended, stun_dtls_rtp.pcapng",
    })
    void everyDtlsClientHelloReadsAsTsharkReadsIt(String set, String file) throws IOException {
        Path capture = Samples.capture(set, file);
        Tshark.require();
        List<Flow> flows = CaptureFlows.read(capture);
        List<String[]> rows = Tshark.fields(capture, "dtls.handshake.type == 1 && dtls.record.epoch == 0",
                "frame.number", "dtls.handshake.version", "dtls.handshake.extensions_server_name",
                "dtls.handshake.extensions_alpn_str", "dtls.handshake.length", "dtls.handshake.fragment_length",
                "dtls.handshake.fragment_offset");
        List<String> wrong = new ArrayList<>();
        int checked = 0;
        for (String[] row : rows) {
            Flow.Packet packet = packet(flows, Integer.parseInt(row[0]));
            if (packet == null || packet.payload()[0] != 0x16) {
                continue; // a frame our flow reader left out, or DTLS after another record
            }
            ClientHelloInfo out = new ClientHelloInfo();
            ByteBuffer frame = packet.buffer();
            TlsStatus st = DtlsClientHelloReader.read(frame, packet.payloadOffset(), packet.payloadLength(), out);
            assertEquals(0, frame.position());
            checked++;
            boolean whole = row[4].equals(row[5]) && "0".equals(row[6]);
            String what = file + " frame " + row[0];
            if (!whole) {
                Tshark.compare(wrong, what + " fragment", TlsStatus.TOO_LONG, st);
                continue;
            }
            Tshark.compare(wrong, what, TlsStatus.COMPLETE, st);
            Tshark.compare(wrong, what + " version", Integer.decode(row[1]), out.legacyVersion());
            Tshark.compare(wrong, what + " sni", row[2], out.serverName().toString());
            Tshark.compare(wrong, what + " alpn", row[3], String.join(",", out.alpn().toStrings()));
            Tshark.compare(wrong, what + " dtls", true, out.dtls());
        }
        assertEquals(List.of(), wrong);
        assertTrue(checked > 0, "tshark found no DTLS ClientHello in " + file);
    }

    private static Flow.Packet packet(List<Flow> flows, int frameNumber) {
        for (Flow f : flows) {
            for (Flow.Packet p : f.packets()) {
                if (p.frameNumber() == frameNumber) {
                    return p;
                }
            }
        }
        return null;
    }
}

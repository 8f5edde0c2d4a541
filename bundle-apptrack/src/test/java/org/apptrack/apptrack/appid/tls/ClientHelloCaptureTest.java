package org.apptrack.apptrack.appid.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apptrack.apptrack.appid.flows.CaptureFlows;
import org.apptrack.apptrack.appid.flows.Flow;
import org.apptrack.apptrack.appid.flows.GroundTruth;
import org.apptrack.apptrack.appid.flows.Tshark;
import org.apptrack.testsupport.data.TestData;
import org.apptrack.testsupport.prereq.Prerequisites;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The ClientHello of every TLS flow of a set of real captures, read by our reassembler from the
 * client's TCP segments, against tshark's reading of the same frames: server name, ALPN list,
 * legacy version, the newest version offered, ECH and ESNI presence. The captures cover browsers
 * and apps, SSLv2-compatible hellos, TLS 1.0 to 1.3, ECH, ESNI, hellos spanning two and twelve
 * segments, SLL and raw-IP link layers, and hellos with fuzzed lengths, which both find broken.
 */
class ClientHelloCaptureTest {

    private static final int ECH = 0xfe0d;
    private static final int ESNI = 0xffce;

    @ParameterizedTest(name = "{0}/{1}")
    @CsvSource({
        "ndpi, sites.pcapng",
        "ndpi, tls_certificate_too_long.pcap",
        "ndpi, tls_multiple_synack_different_seq.pcapng",
        "ndpi, tls_heur__vmess-tcp-tls.pcapng",
        "ndpi, pinterest.pcap",
        "ndpi, KakaoTalk_chat.pcap",
        "ndpi, tor.pcap",
        "ndpi-extended, tls_ech.pcapng",
        "ndpi-extended, tls_esni_sni_both.pcap",
        "ndpi-extended, encrypted_sni.pcap",
        "ndpi-extended, tls_with_huge_ch.pcapng",
        "ndpi-extended, tls_2_reasms.pcapng",
        "ndpi-extended, codm.pcap",
        "ndpi-extended, dingtalk.pcap",
        "ndpi-extended, gaijin_mobile_mixed.pcap",
        "ndpi-extended, google_ssl.pcap",
        "ndpi-extended, tls_1.3_unidirectional_client.pcapng",
        "ndpi-extended, tls_torrent.pcapng",
        "ndpi-extended, tls_1.2_unidirectional_client.pcapng",
        "ndpi-extended, tls_malicious_sha1.pcapng",
        "ndpi-extended, tls_cipher_lens.pcap",
        "ndpi-extended, ssl-cert-name-mismatch.pcap",
    })
    void everyClientHelloReadsAsTsharkReadsIt(String set, String file) throws IOException {
        Path capture = GroundTruth.capture(set, file);
        Prerequisites.optional(TestData.missing(capture), Files.isRegularFile(capture));
        Tshark.require();
        List<Flow> flows = CaptureFlows.read(capture);
        List<String[]> rows = Tshark.fields(capture, "tls.handshake.type == 1 && tcp",
                Tshark.withEndpoints(true, "tls.handshake.extensions_server_name", "tls.handshake.extensions_alpn_str",
                        "tls.handshake.version", "tls.handshake.extensions.supported_version",
                        "tls.handshake.extension.type", "tls.handshake.type", "_ws.expert"));
        Set<Flow> seen = new HashSet<>();
        List<String> wrong = new ArrayList<>();
        int checked = 0;
        for (String[] row : rows) {
            Object[] where = Tshark.flowOf(flows, row);
            if (where == null || !seen.add((Flow) where[0]) || !row[11].split(",")[0].equals("1")) {
                continue; // tunnelled, a later hello of the same flow, or a frame whose first message is another
            }
            Flow flow = (Flow) where[0];
            List<Flow.Packet> stream = flow.packets((Boolean) where[1]);
            if (stream.isEmpty() || (stream.get(0).payload()[0] & 0x80) == 0 && stream.get(0).payload()[0] != 0x16) {
                continue; // TLS after a proxy handshake (SOCKS) or STARTTLS: not at the start of the stream
            }
            Feed feed = Feed.clientHello(flow, (Boolean) where[1], 1 << 16);
            checked++;
            String what = file + " " + flow;
            if (feed.status == TlsStatus.MALFORMED && (row[12].contains("/Malformed)") || row[12].contains("/Protocol)"))) {
                continue; // tshark finds the hello broken too (fuzzed lengths)
            }
            if (feed.status != TlsStatus.COMPLETE) {
                wrong.add(what + ": " + feed.status);
                continue;
            }
            ClientHelloInfo h = feed.client;
            Tshark.compare(wrong, what + " sslv2", (stream.get(0).payload()[0] & 0x80) != 0, h.sslv2Compatible());
            Tshark.compare(wrong, what + " sni", Tshark.firstValue(row[6]), h.serverName().toString());
            List<String> alpn = row[7].isEmpty() ? List.of() : Arrays.asList(row[7].split(","));
            Tshark.compare(wrong, what + " alpn", alpn.subList(0, Math.min(alpn.size(), ClientHelloInfo.MAX_ALPN)),
                    h.alpn().toStrings());
            Tshark.compare(wrong, what + " alpn count", alpn.size(), h.alpn().seen());
            Tshark.compare(wrong, what + " legacy version", Integer.decode(Tshark.firstValue(row[8])), h.legacyVersion());
            Tshark.compare(wrong, what + " highest version", highest(row[9], Integer.decode(Tshark.firstValue(row[8]))), h.highestVersion());
            Set<Integer> types = new HashSet<>();
            for (String t : row[10].split(",")) {
                if (!t.isEmpty()) {
                    types.add(Integer.decode(t));
                }
            }
            Tshark.compare(wrong, what + " ech", types.contains(ECH), h.encryptedClientHello());
            Tshark.compare(wrong, what + " esni", types.contains(ESNI), h.encryptedServerName());
        }
        assertEquals(List.of(), wrong);
        assertTrue(checked > 0, "tshark found no ClientHello in " + file);
    }



    /** The newest non-GREASE version tshark lists, or the legacy version without the extension. */
    private static int highest(String versions, int legacy) {
        int best = 0;
        for (String v : versions.split(",")) {
            if (v.isEmpty()) {
                continue;
            }
            int n = Integer.decode(v);
            if (!TlsVersions.isGrease(n) && n > best) {
                best = n;
            }
        }
        return best == 0 ? legacy : best;
    }
}

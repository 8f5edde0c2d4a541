package org.apptrack.apptrack.appid.quic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apptrack.apptrack.appid.flows.CaptureFlows;
import org.apptrack.apptrack.appid.flows.Flow;
import org.apptrack.apptrack.appid.flows.GroundTruth;
import org.apptrack.apptrack.appid.flows.Tshark;
import org.apptrack.apptrack.appid.tls.ClientHelloInfo;
import org.apptrack.testsupport.data.TestData;
import org.apptrack.testsupport.prereq.Prerequisites;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every QUIC flow of a set of real captures whose client hello tshark reads: our reader, fed the
 * client's datagrams one by one, reads the same version, server name, ALPN list and (gQUIC) user
 * agent, and nDPI's host name where it has one. The captures cover v1, drafts 23 to 34, mvfst,
 * Google's Q039 to Q050 and T050/T051, 0-RTT coalesced after the Initial, ClientHellos spanning
 * two datagrams, CRYPTO frames split and shuffled within and across packets, and a client that
 * changed its DCID before its second Initial.
 */
class QuicCaptureTest {

    @ParameterizedTest(name = "{0}/{1}")
    @CsvSource({
        "ndpi, quic-23.pcap",
        "ndpi, quic-27.pcap",
        "ndpi, quic-29.pcap",
        "ndpi, quic-33.pcapng",
        "ndpi, quic-mvfst-27.pcapng",
        "ndpi, quic_q39.pcap",
        "ndpi, gquic.pcap",
        "ndpi, sites.pcapng",
        "ndpi, telegram.pcap",
        "ndpi, doq.pcapng",
        "ndpi-extended, quic-24.pcap",
        "ndpi-extended, quic-28.pcap",
        "ndpi-extended, quic-34.pcap",
        "ndpi-extended, quic-mvfst-22.pcap",
        "ndpi-extended, quic-mvfst-exp.pcap",
        "ndpi-extended, quic046.pcap",
        "ndpi-extended, quic_0RTT.pcap",
        "ndpi-extended, quic_crypto_aes_auth_size.pcap",
        "ndpi-extended, quic_frags_ch_in_multiple_packets.pcapng",
        "ndpi-extended, quic_frags_ch_out_of_order_same_packet_craziness.pcapng",
        "ndpi-extended, quic_frags_different_dcid.pcapng",
        "ndpi-extended, quic_q43.pcap",
        "ndpi-extended, quic_q46.pcap",
        "ndpi-extended, quic_q46_b.pcap",
        "ndpi-extended, quic_q50.pcap",
        "ndpi-extended, quic_t50.pcap",
        "ndpi-extended, quic_t51.pcap",
        "ndpi-extended, google_meet.pcapng",
        "ndpi-extended, doq_adguard.pcapng",
    })
    void everyClientHelloReadsAsTsharkReadsIt(String set, String file) throws IOException {
        Path capture = GroundTruth.capture(set, file);
        Prerequisites.optional(TestData.missing(capture), Files.isRegularFile(capture));
        Tshark.require();
        List<Flow> flows = CaptureFlows.read(capture);
        List<String[]> rows = Tshark.fields(capture, "(tls.handshake.type == 1 || gquic.tag.sni) && udp",
                Tshark.withEndpoints(false, "quic.version", "gquic.version", "tls.handshake.extensions_server_name",
                        "gquic.tag.sni", "tls.handshake.extensions_alpn_str", "gquic.tag.uaid"));
        List<GroundTruth.Row> labels = new ArrayList<>();
        for (GroundTruth.Row row : GroundTruth.rows(set)) {
            if (row.file.equals(file) && "UDP".equals(row.l4)) {
                labels.add(row);
            }
        }
        Set<Flow> seen = new HashSet<>();
        List<String> wrong = new ArrayList<>();
        int checked = 0;
        for (String[] row : rows) {
            Object[] where = Tshark.flowOf(flows, row);
            if (where == null || !seen.add((Flow) where[0])) {
                continue;
            }
            Flow flow = (Flow) where[0];
            QuicFeed feed = QuicFeed.of(flow.packets((Boolean) where[1]));
            checked++;
            String what = file + " " + flow;
            if (feed.status != QuicStatus.COMPLETE) {
                wrong.add(what + ": " + feed.status + " after " + feed.datagrams + " datagrams");
                continue;
            }
            boolean google = !row[7].isEmpty();
            String version = google ? row[7] : row[6];
            Tshark.compare(wrong, what + " version", google ? version : String.valueOf(Long.decode(Tshark.firstValue(version)).intValue()),
                    google ? QuicVersion.name(feed.hello.version()) : String.valueOf(feed.hello.version()));
            String sni = Tshark.firstValue(row[8].isEmpty() ? row[9] : row[8]);
            ClientHelloInfo h = feed.hello.hello();
            Tshark.compare(wrong, what + " sni", sni, h.serverName().toString());
            List<String> alpn = row[10].isEmpty() ? List.of() : Arrays.asList(row[10].split(","));
            Tshark.compare(wrong, what + " alpn", alpn.subList(0, Math.min(alpn.size(), ClientHelloInfo.MAX_ALPN)),
                    h.alpn().toStrings());
            if (!row[11].isEmpty() && !row[8].isEmpty()) {
                continue; // T05x: the user agent is in a transport parameter, not read here
            }
            Tshark.compare(wrong, what + " user agent", Tshark.firstValue(row[11]), feed.hello.userAgent().toString());
            for (GroundTruth.Row label : labels) {
                if (label.find(flows) == flow && !label.hostname.isEmpty()) {
                    Tshark.compare(wrong, what + " nDPI host name", label.hostname.toLowerCase(Locale.ROOT),
                            h.serverName().toString().toLowerCase(Locale.ROOT));
                }
            }
        }
        assertEquals(List.of(), wrong);
        assertTrue(checked > 0, "tshark found no QUIC client hello in " + file);
    }
}

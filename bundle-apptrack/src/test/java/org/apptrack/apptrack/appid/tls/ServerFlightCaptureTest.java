package org.apptrack.apptrack.appid.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;
import javax.security.auth.x500.X500Principal;
import org.apptrack.apptrack.appid.flows.CaptureFlows;
import org.apptrack.apptrack.appid.flows.Flow;
import org.apptrack.apptrack.appid.flows.GroundTruth;
import org.apptrack.apptrack.appid.flows.Tshark;
import org.apptrack.testsupport.data.TestData;
import org.apptrack.testsupport.prereq.Prerequisites;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The server's first flight of every TLS flow of a set of real captures: version, cipher suite
 * and ALPN against tshark's reading of the ServerHello, and the first certificate's subject CN
 * and subjectAltName DNS names (our DER walk) against the JDK's X.509 parser reading the
 * certificate tshark extracts from the same frames.
 */
class ServerFlightCaptureTest {

    @ParameterizedTest(name = "{0}/{1}")
    @CsvSource({
        "ndpi, sites.pcapng",
        "ndpi, tls_certificate_too_long.pcap",
        "ndpi, pinterest.pcap",
        "ndpi, KakaoTalk_chat.pcap",
        "ndpi, tor.pcap",
        "ndpi-extended, long_tls_certificate.pcap",
        "ndpi-extended, tls_verylong_certificate.pcap",
        "ndpi-extended, tls_long_cert.pcap",
        "ndpi-extended, tls-rdn-extract.pcap",
        "ndpi-extended, ssl-cert-name-mismatch.pcap",
        "ndpi-extended, tls_1.2_unidirectional_server.pcapng",
        "ndpi-extended, tls_1.3_unidirectional_server.pcapng",
        "ndpi-extended, tls_malicious_sha1.pcapng",
        "ndpi-extended, tls_2_reasms.pcapng",
        "ndpi-extended, tls_ech.pcapng",
    })
    void everyServerFlightReadsAsTsharkAndTheJdkReadIt(String set, String file) throws IOException {
        Path capture = GroundTruth.capture(set, file);
        Prerequisites.optional(TestData.missing(capture), Files.isRegularFile(capture));
        Tshark.require();
        List<Flow> flows = CaptureFlows.read(capture);
        Map<String, String> firstCertificate = new HashMap<>(); // by flow and direction
        for (String[] row : Tshark.fields(capture, "tls.handshake.type == 11 && tcp",
                Tshark.withEndpoints(true, "tls.handshake.certificate"))) {
            Object[] where = Tshark.flowOf(flows, row);
            if (where != null) {
                firstCertificate.putIfAbsent(where[0] + " " + where[1], row[6].split(",")[0]);
            }
        }
        List<String[]> hellos = Tshark.fields(capture, "tls.handshake.type == 2 && tcp",
                Tshark.withEndpoints(true, "tls.handshake.version", "tls.handshake.extensions.supported_version",
                        "tls.handshake.extensions_alpn_str", "tls.handshake.ciphersuite", "tls.handshake.type"));
        Set<Flow> seen = new HashSet<>();
        List<String> wrong = new ArrayList<>();
        int checked = 0;
        for (String[] row : hellos) {
            Object[] where = Tshark.flowOf(flows, row);
            if (where == null || !seen.add((Flow) where[0]) || !row[10].split(",")[0].equals("2")) {
                continue;
            }
            Flow flow = (Flow) where[0];
            boolean fromClient = (Boolean) where[1];
            List<Flow.Packet> stream = flow.packets(fromClient);
            if (stream.isEmpty() || stream.get(0).payload()[0] != 0x16) {
                continue; // the capture starts in the middle of this direction
            }
            Feed feed = Feed.serverFlight(flow, fromClient, 1 << 16);
            checked++;
            String what = file + " " + flow;
            if (feed.status != TlsStatus.COMPLETE) {
                wrong.add(what + ": " + feed.status);
                continue;
            }
            ServerHelloInfo h = feed.server;
            int legacy = Integer.decode(row[6].split(",")[0]);
            int selected = row[7].isEmpty() ? legacy : Integer.decode(row[7].split(",")[0]);
            Tshark.compare(wrong, what + " legacy version", legacy, h.legacyVersion());
            Tshark.compare(wrong, what + " selected version", selected, h.selectedVersion());
            Tshark.compare(wrong, what + " alpn", row[8], h.alpn().toString());
            Tshark.compare(wrong, what + " cipher suite", Integer.decode(row[9].split(",")[0]), h.cipherSuite());
            String der = firstCertificate.get(flow + " " + fromClient);
            if (der == null || h.isTls13()) {
                Tshark.compare(wrong, what + " certificate seen", false, h.certificateSeen());
                continue;
            }
            X509Certificate cert = parse(der);
            if (cert == null) {
                continue; // a certificate the JDK refuses: nothing to compare with
            }
            Tshark.compare(wrong, what + " certificate seen", true, h.certificateSeen());
            List<String> names = dnsNames(cert);
            if (h.certificateTruncated()) {
                // only a prefix was buffered: what was found must be the start of the real thing
                Tshark.compare(wrong, what + " dns names (prefix)", names.subList(0, h.dnsNames().count()),
                        h.dnsNames().toStrings());
            } else {
                Tshark.compare(wrong, what + " common name", commonName(cert), text(h.subjectCommonName()));
                Tshark.compare(wrong, what + " dns names", names.subList(0, Math.min(names.size(), h.dnsNames().capacity())),
                        h.dnsNames().toStrings());
                Tshark.compare(wrong, what + " dns name count", names.size(), h.dnsNames().seen());
            }
        }
        assertEquals(List.of(), wrong);
        assertTrue(checked > 0, "tshark found no ServerHello in " + file);
    }


    private static X509Certificate parse(String hex) {
        byte[] der = new byte[hex.length() / 2];
        for (int i = 0; i < der.length; i++) {
            der[i] = (byte) Integer.parseInt(hex.substring(2 * i, 2 * i + 2), 16);
        }
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(der));
        } catch (CertificateException | RuntimeException e) {
            return null;
        }
    }

    /** The last CN of the subject, in DER order (LdapName lists the RDNs that way), as UTF-8 text. */
    private static String commonName(X509Certificate cert) {
        try {
            String cn = "";
            for (Rdn rdn : new LdapName(cert.getSubjectX500Principal().getName(X500Principal.RFC2253)).getRdns()) {
                if ("CN".equalsIgnoreCase(rdn.getType()) && rdn.getValue() instanceof String) {
                    cn = (String) rdn.getValue();
                }
            }
            return cn;
        } catch (InvalidNameException e) {
            return "(unreadable subject)";
        }
    }

    private static List<String> dnsNames(X509Certificate cert) {
        List<String> out = new ArrayList<>();
        try {
            Collection<List<?>> all = cert.getSubjectAlternativeNames();
            if (all != null) {
                for (List<?> entry : all) {
                    if (Integer.valueOf(2).equals(entry.get(0))) {
                        out.add((String) entry.get(1));
                    }
                }
            }
        } catch (CertificateParsingException e) {
            out.add("(unreadable subjectAltName)");
        }
        return out;
    }

    /** Our name's bytes read as UTF-8, as the JDK decodes a UTF8String. */
    private static String text(TlsName name) {
        return new String(Arrays.copyOf(name.array(), name.length()), StandardCharsets.UTF_8);
    }
}

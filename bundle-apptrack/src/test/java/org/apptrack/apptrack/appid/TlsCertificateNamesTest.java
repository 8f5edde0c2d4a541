package org.apptrack.apptrack.appid;

import static org.apptrack.testsupport.packets.Packets.TCP;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apptrack.apptrack.appid.flows.CaptureFlows;
import org.apptrack.apptrack.appid.flows.Flow;
import org.apptrack.apptrack.appid.flows.GroundTruth;
import org.apptrack.testsupport.data.TestData;
import org.apptrack.testsupport.prereq.Prerequisites;
import org.junit.jupiter.api.Test;

/**
 * A TLS session whose ClientHello names no server is named by the server's certificate, through
 * the real engine on captured flows: the first name the catalog knows, a CDN's shared name only
 * when no other is known, and AnyDesk's fixed self-signed name.
 */
class TlsCertificateNamesTest {

    @Test
    void theCertificatesNameTheCatalogKnowsNamesTheSessionNotItsFirstName() throws IOException {
        // the certificate lists www.webex.com.au, www.webex.ca, ...: only webex.ca is in this catalog
        TestCatalog catalog = new TestCatalog().host("webex.ca", "WEBEX").port(TCP, 443, "SSL");
        List<String> sessions = nested(catalog, "ndpi-extended", "webex.pcap", "Webex");
        assertTrue(sessions.contains("SSL/WEBEX"), "the session without a server name: " + sessions);
    }

    @Test
    void aCdnsSharedCertificateNamesTheServiceItCarriesAndTheCdnOnlyWithoutOne() throws IOException {
        TestCatalog catalog = new TestCatalog().host("psiphon3.net", "PSIPHON").host("cloudflaressl.com", "CLOUDFLARE")
                .port(TCP, 443, "SSL");
        // sni.cloudflaressl.com comes first in the certificate, psiphon3.net after it
        assertEquals(List.of("SSL/PSIPHON"), nested(catalog, "ndpi-extended", "psiphon3.pcap", "Psiphon"));
        // a certificate of *.bikroy.com (unknown here) and sni.cloudflaressl.com
        List<String> cloudflare = nested(catalog, "ndpi", "lru_ipv6_caches.pcapng", "Cloudflare");
        assertTrue(!cloudflare.isEmpty());
        cloudflare.forEach(s -> assertEquals("SSL/CLOUDFLARE", s));
    }

    @Test
    void anAnyDeskSelfSignedCertificateOrItsRelaysOrganizationNamesAnyDesk() throws IOException {
        TestCatalog catalog = new TestCatalog().port(TCP, 443, "SSL");
        // direct connections: "AnyDesk Client" both ways; relays: CN=AnyNet Relay, O=philandro Software GmbH
        List<String> sessions = nested(catalog, "ndpi-extended", "anydesk.pcapng", "AnyDesk");
        assertEquals(4, sessions.size(), sessions.toString());
        sessions.forEach(s -> assertEquals("SSL/ANYDESK", s));
    }

    @Test
    void aServiceThatIssuesItsServersCertificatesIsNamedByTheirOrganization() throws IOException {
        TestCatalog catalog = new TestCatalog();
        // the client names the server by its address (RFC 6066 forbids it): the certificate decides
        List<String> forti = nested(catalog, "ndpi-extended", "forticlient.pcap", "FortiClient");
        assertTrue(!forti.isEmpty());
        forti.forEach(s -> assertEquals("SSL/FORTICLIENT", s, "O=Fortinet, OU=FortiGate"));
        List<String> pia = nested(catalog, "ndpi-extended", "pia.pcap", "PrivateInternetAccess");
        assertTrue(pia.contains("SSL/PRIVATEINTERNETACCESS"), pia.toString());
    }

    /** Application/nested application of each flow of {@code file} nDPI labels TLS.{@code app}, replayed alone. */
    private static List<String> nested(TestCatalog catalog, String set, String file, String app) throws IOException {
        Path capture = GroundTruth.capture(set, file);
        Prerequisites.optional(TestData.missing(capture), Files.isRegularFile(capture));
        List<Flow> flows = CaptureFlows.read(capture);
        List<String> out = new ArrayList<>();
        for (GroundTruth.Row row : GroundTruth.rows(set)) {
            Flow flow = row.file.equals(file) && "TLS".equals(row.master) && app.equals(row.app) ? row.find(flows) : null;
            if (flow != null) {
                out.add(replay(catalog, flow));
            }
        }
        return out;
    }

    private static String replay(TestCatalog catalog, Flow flow) {
        NamingEngine engine = new NamingEngine(catalog, 16384);
        for (Flow.Packet p : flow.packets()) {
            engine.frame(p.frame());
        }
        return String.join(",", engine.closeAll());
    }
}

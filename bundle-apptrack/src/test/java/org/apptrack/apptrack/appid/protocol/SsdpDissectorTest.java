package org.apptrack.apptrack.appid.protocol;

import static org.apptrack.apptrack.appid.dissect.Dissector.IDENTIFIED;
import static org.apptrack.apptrack.appid.dissect.Dissector.NOT_THIS;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.apptrack.apptrack.appid.NamesCatalog;
import org.junit.jupiter.api.Test;

/** SSDP searches, notifications and search responses, also from a device's ephemeral port. */
class SsdpDissectorTest {

    private final NamesCatalog catalog = new NamesCatalog();

    @Test
    void searchAndNotifyOnAnyPort() {
        DissectorHarness h = DissectorHarness.udp(new SsdpDissector(catalog), 1900);
        assertEquals(IDENTIFIED, h.client("M-SEARCH * HTTP/1.1\r\nHOST: 239.255.255.250:1900\r\nMAN: \"ssdp:discover\"\r\n"
                + "MX: 1\r\nST: ssdp:all\r\n\r\n"));
        assertEquals("SSDP", catalog.application(h.out.application()));
        assertEquals(IDENTIFIED, DissectorHarness.udp(new SsdpDissector(catalog), 1900)
                .client("NOTIFY * HTTP/1.1\r\nHOST: 239.255.255.250:1900\r\nNTS: ssdp:alive\r\n\r\n"));
    }

    @Test
    void searchResponseFromAnEphemeralPortByItsHeaders() {
        DissectorHarness h = new DissectorHarness(new SsdpDissector(catalog), 17, 38616, 61328);
        assertEquals(IDENTIFIED, h.client("HTTP/1.1 200 OK\r\nCACHE-CONTROL: max-age=1800\r\nEXT:\r\n"
                + "LOCATION: http://10.0.0.149:8008/ssdp/device-desc.xml\r\n"
                + "ST: urn:dial-multiscreen-org:service:dial:1\r\n"
                + "USN: uuid:1234::urn:dial-multiscreen-org:service:dial:1\r\n\r\n"));
    }

    @Test
    void anHttpResponseOverUdpWithoutTheSearchHeadersIsNot() {
        DissectorHarness h = new DissectorHarness(new SsdpDissector(catalog), 17, 40000, 8080);
        assertEquals(NOT_THIS, h.client("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nST: x\r\n\r\nUSN: in the body"));
        assertEquals(NOT_THIS, new DissectorHarness(new SsdpDissector(catalog), 17, 40000, 8080)
                .client("HTTP/1.1 404 Not Found\r\nST: a\r\nUSN: b\r\n\r\n"));
    }
}

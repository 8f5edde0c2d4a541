package org.apptrack.apptrack.appid.protocol;

import static org.apptrack.apptrack.appid.dissect.Dissector.CLAIMED;
import static org.apptrack.apptrack.appid.dissect.Dissector.IDENTIFIED;
import static org.apptrack.apptrack.appid.dissect.Dissector.MAYBE;
import static org.apptrack.apptrack.appid.dissect.Dissector.NOT_THIS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.apptrack.apptrack.appid.NamesCatalog;
import org.apptrack.apptrack.appid.dissect.Identification;
import org.junit.jupiter.api.Test;

/**
 * HTTP requests and responses: the facts kept (Host, decoded URL path, User-Agent, Content-Type)
 * and the nested applications their content tells; look-alikes that must not be HTTP.
 */
class HttpDissectorTest {

    private final NamesCatalog catalog = new NamesCatalog();

    private DissectorHarness http() {
        return DissectorHarness.tcp(new HttpDissector(catalog), 80);
    }

    private String nested(DissectorHarness h) {
        return h.out.nested() == 0 ? "" : catalog.application(h.out.nested());
    }

    private static String text(byte[] bytes, int length) {
        return new String(bytes, 0, length, StandardCharsets.ISO_8859_1);
    }

    @Test
    void keepsTheDecodedPathUserAgentAndContentTypeOfARequest() {
        DissectorHarness h = http();
        assertEquals(CLAIMED, h.client("POST http://proxy.example:8080/a%20b/c%2Fd.php?x=%41#f HTTP/1.1\r\n"
                + "Host: www.example.com\r\nUser-Agent:  curl/8.5.0 \r\nContent-Type: text/plain; charset=utf-8\r\n"
                + "\r\nbody"));
        Identification out = h.out;
        assertTrue(out.httpRequest());
        assertEquals("/a b/c/d.php", text(out.url(), out.urlLength()), "authority, query and fragment cut, decoded");
        assertEquals("curl/8.5.0", text(out.userAgent(), out.userAgentLength()));
        assertEquals("text/plain; charset=utf-8", text(out.contentType(), out.contentTypeLength()));
        assertEquals("www.example.com", out.nameText());
        assertEquals(Identification.NAME_HTTP_HOST, out.nameContext());
        assertEquals("", nested(h));
    }

    @Test
    void aValueWithControlBytesOrTooLongIsNotKept() {
        DissectorHarness h = http();
        h.client("GET /" + "x".repeat(600) + " HTTP/1.1\r\nUser-Agent: a\u0007b\r\nHost: h\r\n\r\n");
        assertEquals(0, h.out.urlLength(), "a path longer than the bound is not kept");
        assertEquals(0, h.out.userAgentLength(), "a control byte is not kept");
    }

    @Test
    void protocolsCarriedInHttpAreNamedByTheirMediaTypeEvenOnANamedHost() {
        DissectorHarness ocsp = http();
        assertEquals(IDENTIFIED, ocsp.client("POST / HTTP/1.1\r\nHost: ocsp.example\r\n"
                + "Content-Type: application/ocsp-request\r\nContent-Length: 83\r\n\r\n"));
        assertEquals("OCSP", nested(ocsp));
        assertFalse(ocsp.out.nestedWeak(), "a protocol outweighs the host's name");

        DissectorHarness ipp = http();
        assertEquals(IDENTIFIED, ipp.client("POST /ipp/ HTTP/1.1\r\nContent-Type: application/ipp\r\nHost: 10.0.0.2\r\n\r\n"));
        assertEquals("IPP", nested(ipp));

        DissectorHarness soap = http();
        assertEquals(IDENTIFIED, soap.client("POST /svc HTTP/1.1\r\nContent-Type: text/xml\r\n"
                + "SOAPAction: \"urn:x#Get\"\r\nHost: go.example.com\r\n\r\n"));
        assertEquals("SOAP", nested(soap));

        DissectorHarness rpc = http();
        rpc.client("POST /rpc HTTP/1.1\r\nHost: h\r\nContent-Type: Application/JSON-RPC; charset=UTF-8\r\n\r\n");
        assertEquals("JSON-RPC", nested(rpc), "media types ignore case and parameters");

        DissectorHarness update = http();
        update.client("GET /filestreamingservice/files/x HTTP/1.1\r\nUser-Agent: Microsoft-Delivery-Optimization/10.0\r\n"
                + "Host: 10.0.0.1\r\n\r\n");
        assertEquals("WINDOWS-UPDATE", nested(update));
    }

    @Test
    void aGetIsNamedByTheResponsesMediaType() {
        DissectorHarness h = http();
        assertEquals(CLAIMED, h.client("GET /MFEwTzBNMEswSTAJBgUrDgMCGgUABBSw4x5v4bTlizjNRmTdkYSy7q0R9gQUUtiIOsifeGbtifN7OHCUyQICNtACEEWXMtjzGMt1k6L0aA%2BQ6tk%3D HTTP/1.1\r\n"
                + "Host: ocsp.ca.example\r\nUser-Agent: Microsoft-CryptoAPI/10.0\r\n\r\n"));
        assertEquals(CLAIMED, h.server("HTTP/1.1 100 Continue\r\n\r\n"), "an interim response: the final one tells");
        assertEquals(IDENTIFIED, h.server("HTTP/1.1 200 OK\r\nContent-Type: application/ocsp-response\r\n"
                + "Content-Length: 1500\r\n\r\n0\u0082"));
        assertEquals("OCSP", nested(h));
    }

    @Test
    void streamingFormatsNameOnlyWhatNoHostNames() {
        DissectorHarness dash = http();
        dash.client("GET /live/V2400/206598098.m4s HTTP/1.1\r\nHost: cdn.example\r\n\r\n");
        assertEquals("MPEGDASH", nested(dash));
        assertTrue(dash.out.nestedWeak(), "the host's name, when it has one, outweighs the format");

        DissectorHarness hls = http();
        hls.client("GET /output.M3U8?token=1 HTTP/1.1\r\nHost: 192.0.2.1:8080\r\n\r\n");
        assertEquals("HLS", nested(hls), "the suffix of the path, before the query, in any case");

        DissectorHarness manifest = http();
        manifest.client("GET /manifest HTTP/1.1\r\nHost: cdn.example\r\n\r\n");
        assertEquals("", nested(manifest));
        manifest.server("HTTP/1.1 200 OK\r\nContent-Type: application/dash+xml\r\n\r\n");
        assertEquals("MPEGDASH", nested(manifest));

        DissectorHarness ookla = http();
        ookla.client("GET /speedtest/latency.txt?x=1491069108693 HTTP/1.1\r\nHost: speed.isp.example\r\n\r\n");
        assertEquals("OOKLA", nested(ookla));
    }

    @Test
    void lookAlikesNameNothing() {
        DissectorHarness mp4InQuery = http();
        mp4InQuery.client("GET /watch?file=a.mp4 HTTP/1.1\r\nHost: h\r\n\r\n");
        assertEquals("", nested(mp4InQuery), "a suffix in the query is no path suffix");

        DissectorHarness ippPrefix = http();
        ippPrefix.client("POST / HTTP/1.1\r\nHost: h\r\nContent-Type: application/ippx\r\n\r\n");
        assertEquals("", nested(ippPrefix), "a longer media type is another one");

        DissectorHarness soapInBody = http();
        soapInBody.client("POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 20\r\n\r\nSOAPAction: x\r\n");
        assertEquals("", nested(soapInBody), "a header line after the headers is body");
    }

    @Test
    void strayZeroBytesBeforeTheRequestDoNotRuleHttpOut() {
        DissectorHarness h = http();
        assertEquals(MAYBE, h.client(new byte[] {0, 0}));
        assertEquals(CLAIMED, h.client("GET / HTTP/1.1\r\nHost: h.example\r\n\r\n"));
        assertEquals(NOT_THIS, http().client(new byte[] {0, 0, 0, 0, 0}));
        assertEquals(NOT_THIS, http().client(new byte[] {1, 0}));
    }
}

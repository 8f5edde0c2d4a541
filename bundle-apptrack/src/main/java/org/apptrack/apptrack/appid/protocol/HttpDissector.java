package org.apptrack.apptrack.appid.protocol;

import org.apptrack.apptrack.appid.IdentificationCatalog;
import org.apptrack.apptrack.appid.dissect.Ascii;
import org.apptrack.apptrack.appid.dissect.Dissector;
import org.apptrack.apptrack.appid.dissect.Identification;
import org.apptrack.apptrack.appid.dissect.Payload;

/**
 * HTTP/1.x on any TCP port (RFC 9112): a request line from the client ({@code METHOD target
 * HTTP/1.x}) or a status line from the server. From the request it keeps the facts that name
 * what the session carries: {@code Host} (the nested application, through the host-name rules),
 * the URL path (percent-decoded), {@code User-Agent}, {@code Content-Type} and
 * {@code SOAPAction}; from the response its {@code Content-Type}. {@link HttpContentRules} turn
 * those into a nested application. A request whose headers go on in the next segments is
 * followed for a few more client payloads to find {@code Host}; unless the request already
 * named its protocol, the first response's headers are awaited too (an OCSP responder answers a
 * GET with its media type).
 */
public final class HttpDissector implements Dissector {

    private static final byte[][] METHODS = {
        Ascii.bytes("GET "), Ascii.bytes("POST "), Ascii.bytes("HEAD "), Ascii.bytes("PUT "),
        Ascii.bytes("DELETE "), Ascii.bytes("OPTIONS "), Ascii.bytes("CONNECT "), Ascii.bytes("PATCH "),
        Ascii.bytes("TRACE "), Ascii.bytes("PROPFIND "), Ascii.bytes("PROPPATCH "), Ascii.bytes("MKCOL "),
        Ascii.bytes("COPY "), Ascii.bytes("MOVE "), Ascii.bytes("LOCK "), Ascii.bytes("UNLOCK "),
        Ascii.bytes("REPORT "), Ascii.bytes("SEARCH "), Ascii.bytes("SUBSCRIBE "), Ascii.bytes("NOTIFY "),
    };
    private static final byte[] VERSION = Ascii.bytes("HTTP/1.");
    private static final byte[] HOST = Ascii.bytes("host:");
    private static final byte[] USER_AGENT = Ascii.bytes("user-agent:");
    private static final byte[] CONTENT_TYPE = Ascii.bytes("content-type:");
    private static final byte[] SOAP_ACTION = Ascii.bytes("soapaction:");
    /** Client payloads after the request line in which {@code Host} is still looked for. */
    private static final int HOST_PAYLOADS = 4;
    /** Payloads of either direction in which the first response's headers are still awaited. */
    private static final int RESPONSE_PAYLOADS = 6;

    /** State word: payloads seen since the claim (low byte), and what is awaited. */
    private static final int W_STATE = Payload.FIRST_STATE_WORD;
    private static final long CLAIMED_BIT = 1L << 8;
    private static final long AWAIT_RESPONSE = 1L << 9;
    private static final long COUNT = 0xff;

    private final int http;
    private final HttpContentRules rules;

    public HttpDissector(IdentificationCatalog catalog) {
        this.http = catalog.id("HTTP");
        this.rules = new HttpContentRules(catalog);
    }

    @Override
    public String name() {
        return "http";
    }

    @Override
    public boolean accepts(int ipProtocol) {
        return ipProtocol == 6;
    }

    @Override
    public int inspect(Payload p, Identification out) {
        long st = p.state().word(W_STATE);
        if ((st & CLAIMED_BIT) != 0) {
            return continuation(p, st, out);
        }
        if (!p.fromClient()) {
            if (isStatusLine(p)) {
                out.application(http);
                out.encrypted(false);
                response(p, out);
                return IDENTIFIED;
            }
            return p.length() < VERSION.length && prefixOf(p, VERSION) ? MAYBE : NOT_THIS;
        }
        int method = method(p);
        if (method == -2 || method == -1 && p.index() == 0 && p.length() <= 2 && zeros(p)) {
            return MAYBE; // a stray keep-alive byte or two before the request
        }
        if (method < 0) {
            return NOT_THIS;
        }
        int lineEnd = p.lineEnd(0);
        if (lineEnd < 0) {
            if (!p.printable(0, p.length())) {
                return NOT_THIS;
            }
            out.application(http);
            out.encrypted(false);
            p.state().word(W_STATE, CLAIMED_BIT);
            return CLAIMED;
        }
        int targetEnd = lineEnd - VERSION.length - 2;
        if (targetEnd < method || !p.matches(lineEnd - VERSION.length - 1, VERSION) || p.u8(targetEnd) != ' ') {
            return NOT_THIS;
        }
        out.application(http);
        out.encrypted(false);
        out.url(p.frame(), p.offset() + method, targetEnd - method);
        return request(p, lineEnd + 2, 0, out);
    }

    /** The request's header lines from {@code from}: what they tell, and what is awaited next. */
    private int request(Payload p, int from, long st, Identification out) {
        boolean complete = headers(p, from, out);
        out.httpRequest(true);
        boolean named = rules.apply(out);
        if (named) {
            return IDENTIFIED;
        }
        if (out.nameLength() > 0 || complete || (st & COUNT) >= HOST_PAYLOADS) {
            p.state().word(W_STATE, CLAIMED_BIT | AWAIT_RESPONSE);
            return CLAIMED;
        }
        p.state().word(W_STATE, CLAIMED_BIT | (st & COUNT) + 1);
        return CLAIMED;
    }

    /** Later payloads of a claimed session: the rest of the request's headers, or the response's. */
    private int continuation(Payload p, long st, Identification out) {
        long seen = st & COUNT;
        if ((st & AWAIT_RESPONSE) == 0) {
            if (!p.fromClient()) {
                return MAYBE;
            }
            return request(p, 0, st, out);
        }
        if (!p.fromClient() && isStatusLine(p)) {
            boolean interim = p.u8(9) == '1'; // 100 Continue: the final response is still to come
            response(p, out);
            if (!interim || out.nested() != 0 || seen >= RESPONSE_PAYLOADS) {
                return IDENTIFIED;
            }
        }
        if (seen >= RESPONSE_PAYLOADS) {
            return IDENTIFIED;
        }
        p.state().word(W_STATE, st & ~COUNT | seen + 1);
        return CLAIMED;
    }

    private static boolean isStatusLine(Payload p) {
        return p.matches(0, VERSION) && p.length() >= 12 && p.u8(8) == ' ';
    }

    /** The response's Content-Type and what it tells. */
    private void response(Payload p, Identification out) {
        int lineEnd = p.lineEnd(0);
        if (lineEnd > 0) {
            headers(p, lineEnd + 2, out);
            rules.apply(out);
        }
    }

    /** -1: not a method; -2: too short to tell; else the method's length with its space. */
    private static int method(Payload p) {
        for (byte[] m : METHODS) {
            if (p.matches(0, m)) {
                return m.length;
            }
            if (p.length() < m.length && prefixOf(p, m)) {
                return -2;
            }
        }
        return -1;
    }

    private static boolean prefixOf(Payload p, byte[] signature) {
        for (int i = 0; i < p.length() && i < signature.length; i++) {
            if (p.u8(i) != signature[i]) {
                return false;
            }
        }
        return true;
    }

    private static boolean zeros(Payload p) {
        for (int i = 0; i < p.length(); i++) {
            if (p.u8(i) != 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * Reads the header lines from {@code from}: Host (port and final dot cut), User-Agent,
     * Content-Type, SOAPAction, into {@code out}.
     *
     * @return whether the end of the headers (an empty line) was reached
     */
    static boolean headers(Payload p, int from, Identification out) {
        int line = from;
        while (line >= 0 && line < p.length()) {
            int end = p.lineEnd(line);
            if (end < 0) {
                return false; // a partial line
            }
            if (end == line) {
                return true;
            }
            if (p.matchesIgnoreCase(line, HOST)) {
                int start = valueStart(p, line + HOST.length, end);
                int stop = valueEnd(p, start, end);
                int colon = p.indexOf(':', start, stop);
                if (colon >= 0 && p.u8(start) != '[') {
                    stop = colon;
                }
                if (stop > start && p.u8(stop - 1) == '.') {
                    stop--;
                }
                if (out.name(p.frame(), p.offset() + start, stop - start)) {
                    out.nameContext(Identification.NAME_HTTP_HOST);
                }
            } else if (p.matchesIgnoreCase(line, USER_AGENT)) {
                int start = valueStart(p, line + USER_AGENT.length, end);
                out.userAgent(p.frame(), p.offset() + start, valueEnd(p, start, end) - start);
            } else if (p.matchesIgnoreCase(line, CONTENT_TYPE)) {
                int start = valueStart(p, line + CONTENT_TYPE.length, end);
                out.contentType(p.frame(), p.offset() + start, valueEnd(p, start, end) - start);
            } else if (p.matchesIgnoreCase(line, SOAP_ACTION)) {
                out.soapAction(true);
            }
            line = end + 2;
        }
        return false;
    }

    private static int valueStart(Payload p, int start, int end) {
        while (start < end && (p.u8(start) == ' ' || p.u8(start) == '\t')) {
            start++;
        }
        return start;
    }

    private static int valueEnd(Payload p, int start, int end) {
        int stop = end;
        while (stop > start && (p.u8(stop - 1) == ' ' || p.u8(stop - 1) == '\t')) {
            stop--;
        }
        return stop;
    }
}

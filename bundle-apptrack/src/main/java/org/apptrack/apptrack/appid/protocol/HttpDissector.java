package org.apptrack.apptrack.appid.protocol;

import org.apptrack.apptrack.appid.IdentificationCatalog;
import org.apptrack.apptrack.appid.dissect.Ascii;
import org.apptrack.apptrack.appid.dissect.Dissector;
import org.apptrack.apptrack.appid.dissect.Identification;
import org.apptrack.apptrack.appid.dissect.Payload;

/**
 * HTTP/1.x on any TCP port (RFC 9112): a request line from the client ({@code METHOD target
 * HTTP/1.x}) or a status line from the server; the {@code Host} header names the session (the
 * nested application). A request whose headers go on in the next segments is followed for a few
 * more client payloads to find {@code Host}.
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
    /** Client payloads after the request line in which {@code Host} is still looked for. */
    private static final int HOST_PAYLOADS = 4;

    private final int http;

    public HttpDissector(IdentificationCatalog catalog) {
        this.http = catalog.id("HTTP");
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
        if (p.state().word(HttpWords.CLAIMED) != 0) {
            return continuation(p, out);
        }
        if (!p.fromClient()) {
            if (p.matches(0, VERSION) && p.length() >= 12 && p.u8(8) == ' ') {
                out.application(http);
                out.encrypted(false);
                return IDENTIFIED;
            }
            return p.length() < VERSION.length && prefixOf(p, VERSION) ? MAYBE : NOT_THIS;
        }
        int method = method(p);
        if (method == -2) {
            return MAYBE;
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
            p.state().word(HttpWords.CLAIMED, 1);
            return CLAIMED;
        }
        if (lineEnd < VERSION.length + 2 || !p.matches(lineEnd - VERSION.length - 1, VERSION)
                || p.u8(lineEnd - VERSION.length - 2) != ' ') {
            return NOT_THIS;
        }
        out.application(http);
        out.encrypted(false);
        if (host(p, lineEnd + 2, out)) {
            return IDENTIFIED;
        }
        p.state().word(HttpWords.CLAIMED, 1);
        return CLAIMED;
    }

    /** Later client payloads of a request whose Host was not in its first segment. */
    private int continuation(Payload p, Identification out) {
        if (!p.fromClient()) {
            return MAYBE;
        }
        long seen = p.state().word(HttpWords.CLAIMED);
        if (host(p, 0, out) || seen > HOST_PAYLOADS) {
            return IDENTIFIED;
        }
        p.state().word(HttpWords.CLAIMED, seen + 1);
        return CLAIMED;
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

    /** Finds the Host header in the lines from {@code from}; keeps its name (port and final dot cut). */
    static boolean host(Payload p, int from, Identification out) {
        int line = from;
        while (line >= 0 && line < p.length()) {
            int end = p.lineEnd(line);
            if (end < 0 || end == line) {
                return false; // a partial line, or the end of the headers
            }
            if (p.matchesIgnoreCase(line, HOST)) {
                int start = line + HOST.length;
                while (start < end && (p.u8(start) == ' ' || p.u8(start) == '\t')) {
                    start++;
                }
                int stop = end;
                while (stop > start && (p.u8(stop - 1) == ' ' || p.u8(stop - 1) == '\t')) {
                    stop--;
                }
                int colon = p.indexOf(':', start, stop);
                if (colon >= 0 && p.u8(start) != '[') {
                    stop = colon;
                }
                if (stop > start && p.u8(stop - 1) == '.') {
                    stop--;
                }
                out.name(p.frame(), p.offset() + start, stop - start);
                return true;
            }
            line = end + 2;
        }
        return false;
    }

    /** The dissector's words in a claimed session's state. */
    private static final class HttpWords {
        static final int CLAIMED = Payload.FIRST_STATE_WORD;
    }
}

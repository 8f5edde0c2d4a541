package org.apptrack.apptrack.appid.protocol;

import org.apptrack.apptrack.appid.IdentificationCatalog;
import org.apptrack.apptrack.appid.dissect.Ascii;
import org.apptrack.apptrack.appid.dissect.Dissector;
import org.apptrack.apptrack.appid.dissect.Identification;
import org.apptrack.apptrack.appid.dissect.Payload;

/**
 * SSDP (UPnP device architecture) over UDP: an HTTP-like request line {@code M-SEARCH * HTTP/1.1} or
 * {@code NOTIFY * HTTP/1.1}, or a response to a search. A device may answer a search from any port
 * to the searcher's port, so a response away from port 1900 is known by the headers every search
 * response carries ({@code ST} and {@code USN}, UPnP Device Architecture 1.1, 1.3.3).
 */
public final class SsdpDissector implements Dissector {

    private static final byte[] SEARCH = Ascii.bytes("M-SEARCH * HTTP/1.");
    private static final byte[] NOTIFY = Ascii.bytes("NOTIFY * HTTP/1.");
    private static final byte[] RESPONSE = Ascii.bytes("HTTP/1.1 200");
    private static final byte[] ST = Ascii.bytes("st:");
    private static final byte[] USN = Ascii.bytes("usn:");
    private static final int MAX_LINES = 32;

    private final int application;

    public SsdpDissector(IdentificationCatalog catalog) {
        this.application = catalog.id("SSDP");
    }

    @Override
    public String name() {
        return "ssdp";
    }

    @Override
    public boolean accepts(int ipProtocol) {
        return ipProtocol == 17;
    }

    @Override
    public int inspect(Payload p, Identification out) {
        boolean request = p.startsWith(SEARCH) || p.startsWith(NOTIFY);
        if (!request && !(p.startsWith(RESPONSE) && (p.port(1900) || searchResponseHeaders(p)))) {
            return NOT_THIS;
        }
        out.application(application);
        out.encrypted(false);
        return IDENTIFIED;
    }

    /** Whether the header lines include both {@code ST:} and {@code USN:}. */
    private static boolean searchResponseHeaders(Payload p) {
        boolean st = false;
        boolean usn = false;
        int line = p.lineEnd(0);
        for (int n = 0; line >= 0 && n < MAX_LINES; n++) {
            int start = line + 2;
            if (p.lineEnd(start) == start) {
                break; // the empty line: the headers end
            }
            st |= p.matchesIgnoreCase(start, ST);
            usn |= p.matchesIgnoreCase(start, USN);
            line = p.lineEnd(start);
        }
        return st && usn;
    }
}

package org.apptrack.apptrack.appid.protocol;

import org.apptrack.apptrack.appid.IdentificationCatalog;
import org.apptrack.apptrack.appid.dissect.Ascii;
import org.apptrack.apptrack.appid.dissect.Dissector;
import org.apptrack.apptrack.appid.dissect.Identification;
import org.apptrack.apptrack.appid.dissect.Payload;

/** SSDP (UPnP device architecture) over UDP: an HTTP-like request line {@code M-SEARCH * HTTP/1.1} or {@code NOTIFY * HTTP/1.1}, or a response to a search. */
public final class SsdpDissector implements Dissector {

    private static final byte[] SEARCH = Ascii.bytes("M-SEARCH * HTTP/1.");
    private static final byte[] NOTIFY = Ascii.bytes("NOTIFY * HTTP/1.");
    private static final byte[] RESPONSE = Ascii.bytes("HTTP/1.1 200");

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
        if (!request && !(p.startsWith(RESPONSE) && p.port(1900))) {
            return NOT_THIS;
        }
        out.application(application);
        out.encrypted(false);
        return IDENTIFIED;
    }
}

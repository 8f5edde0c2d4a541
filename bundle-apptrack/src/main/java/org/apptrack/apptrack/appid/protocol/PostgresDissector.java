package org.apptrack.apptrack.appid.protocol;

import org.apptrack.apptrack.appid.IdentificationCatalog;
import org.apptrack.apptrack.appid.dissect.Dissector;
import org.apptrack.apptrack.appid.dissect.Identification;
import org.apptrack.apptrack.appid.dissect.Payload;

/**
 * PostgreSQL's frontend/backend protocol: the client's first message, a StartupMessage of
 * protocol 3.0 (its length equal to the payload's) or an SSLRequest or GSSENCRequest.
 */
public final class PostgresDissector implements Dissector {

    private static final long PROTOCOL_3 = 0x00030000L;
    private static final long SSL_REQUEST = 80877103L;
    private static final long GSSENC_REQUEST = 80877104L;

    private final int postgres;

    public PostgresDissector(IdentificationCatalog catalog) {
        this.postgres = catalog.id("POSTGRES");
    }

    @Override
    public String name() {
        return "postgres";
    }

    @Override
    public boolean accepts(int ipProtocol) {
        return ipProtocol == 6;
    }

    @Override
    public int inspect(Payload p, Identification out) {
        if (!p.fromClient() || p.index() != 0) {
            return p.fromClient() ? NOT_THIS : MAYBE;
        }
        long length = p.u32(0);
        long code = p.u32(4);
        boolean request = length == 8 && p.length() == 8 && (code == SSL_REQUEST || code == GSSENC_REQUEST);
        boolean startup = length == p.length() && length > 8 && length < 10000 && code == PROTOCOL_3
                && p.u8(p.length() - 1) == 0;
        if (!request && !startup) {
            return NOT_THIS;
        }
        out.application(postgres);
        out.encrypted(request);
        return IDENTIFIED;
    }
}

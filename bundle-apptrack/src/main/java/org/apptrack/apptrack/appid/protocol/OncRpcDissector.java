package org.apptrack.apptrack.appid.protocol;

import org.apptrack.apptrack.appid.IdentificationCatalog;
import org.apptrack.apptrack.appid.dissect.Dissector;
import org.apptrack.apptrack.appid.dissect.Identification;
import org.apptrack.apptrack.appid.dissect.Payload;

/**
 * ONC RPC (RFC 5531) calls of the NFS family: NFS (program 100003), its MOUNT (100005), lock
 * (100021), status (100024) and ACL (100227) protocols, over UDP or over TCP after the record
 * mark. A call names its program; a reply does not, so the call decides.
 */
public final class OncRpcDissector implements Dissector {

    private final int nfs;

    public OncRpcDissector(IdentificationCatalog catalog) {
        this.nfs = catalog.id("NFS");
    }

    @Override
    public String name() {
        return "onc-rpc";
    }

    @Override
    public boolean accepts(int ipProtocol) {
        return ipProtocol == 6 || ipProtocol == 17;
    }

    @Override
    public int inspect(Payload p, Identification out) {
        int at = 0;
        if (p.isTcp()) {
            long mark = p.u32(0);
            if (mark < 0 || (mark & 0x7fffffffL) < 24) {
                return NOT_THIS;
            }
            at = 4;
        }
        if (p.length() - at < 24 || p.u32(at + 4) != 0 || p.u32(at + 8) != 2) {
            return p.u32(at + 4) == 1 && !p.fromClient() ? MAYBE : NOT_THIS;
        }
        long program = p.u32(at + 12);
        boolean family = program == 100003 || program == 100005 || program == 100021 || program == 100024
                || program == 100227;
        if (!family || p.u32(at + 16) > 10) {
            return NOT_THIS;
        }
        out.application(nfs);
        out.encrypted(false);
        return IDENTIFIED;
    }
}

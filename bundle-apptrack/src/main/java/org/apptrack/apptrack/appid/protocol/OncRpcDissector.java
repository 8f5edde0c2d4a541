package org.apptrack.apptrack.appid.protocol;

import org.apptrack.apptrack.appid.IdentificationCatalog;
import org.apptrack.apptrack.appid.dissect.Dissector;
import org.apptrack.apptrack.appid.dissect.Identification;
import org.apptrack.apptrack.appid.dissect.Payload;

/**
 * ONC RPC (RFC 5531) calls of the NFS family: NFS (program 100003), its MOUNT (100005), lock
 * (100021), status (100024) and ACL (100227) protocols, over UDP or over TCP after the record
 * mark. A call names its program; a reply does not, so the call decides. A call to the port
 * mapper (rpcbind, 100000) asking where one of these programs listens (GETPORT, or GETADDR in
 * versions 3 and 4: procedure 3, whose arguments start with the program) is the NFS client's
 * first step, and is NFS too.
 */
public final class OncRpcDissector implements Dissector {

    private static final long PORT_MAPPER = 100000;
    private static final int GET_PORT = 3;
    private static final int MAX_AUTH_LENGTH = 400;

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
        if (program == PORT_MAPPER) {
            program = p.u32(at + 16) >= 2 && p.u32(at + 16) <= 4 && p.u32(at + 20) == GET_PORT
                    ? p.u32(arguments(p, at)) : -1;
        } else if (p.u32(at + 16) > 10) {
            return NOT_THIS;
        }
        if (!nfsFamily(program)) {
            return NOT_THIS;
        }
        out.application(nfs);
        out.encrypted(false);
        return IDENTIFIED;
    }

    private static boolean nfsFamily(long program) {
        return program == 100003 || program == 100005 || program == 100021 || program == 100024 || program == 100227;
    }

    /** The offset of a call's arguments, after its credential and verifier, or -1. */
    private static int arguments(Payload p, int call) {
        int at = call + 24;
        for (int auth = 0; auth < 2; auth++) {
            long length = p.u32(at + 4);
            if (length < 0 || length > MAX_AUTH_LENGTH) {
                return -1;
            }
            at += 8 + (int) ((length + 3) & ~3L);
        }
        return at;
    }
}

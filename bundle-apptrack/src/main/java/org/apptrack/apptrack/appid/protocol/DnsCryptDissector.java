package org.apptrack.apptrack.appid.protocol;

import org.apptrack.apptrack.appid.IdentificationCatalog;
import org.apptrack.apptrack.appid.dissect.Dissector;
import org.apptrack.apptrack.appid.dissect.Identification;
import org.apptrack.apptrack.appid.dissect.Payload;

/**
 * Encrypted DNSCrypt queries and answers (DNSCrypt protocol specification, "Responses"): the
 * client's query is opaque (its magic comes from the resolver's certificate), every answer starts
 * with the constant resolver magic {@code r6fnvWj8}; over TCP after the 2-byte length. The
 * certificate lookup in plain DNS is the DNS dissector's.
 */
public final class DnsCryptDissector implements Dissector {

    private static final long MAGIC_HIGH = 0x7236666eL; // "r6fn"
    private static final long MAGIC_LOW = 0x76576a38L; // "vWj8"
    /** Client magic, public key and half nonce, then at least the MAC: a shorter query is not DNSCrypt. */
    private static final int MIN_QUERY = 8 + 32 + 12 + 16;
    private static final int MAX_QUERIES = 4;

    private final int dnscrypt;

    public DnsCryptDissector(IdentificationCatalog catalog) {
        this.dnscrypt = catalog.id("DNSCRYPT");
    }

    @Override
    public String name() {
        return "dnscrypt";
    }

    @Override
    public boolean accepts(int ipProtocol) {
        return ipProtocol == 6 || ipProtocol == 17;
    }

    @Override
    public int inspect(Payload p, Identification out) {
        int at = p.isTcp() ? 2 : 0;
        if (p.fromClient()) {
            return p.index() < MAX_QUERIES && p.length() >= at + MIN_QUERY ? MAYBE : NOT_THIS;
        }
        if (p.u32(at) != MAGIC_HIGH || p.u32(at + 4) != MAGIC_LOW || p.isTcp() && p.u16(0) + 2 < p.length()) {
            return NOT_THIS;
        }
        out.application(dnscrypt);
        out.encrypted(true);
        return IDENTIFIED;
    }
}

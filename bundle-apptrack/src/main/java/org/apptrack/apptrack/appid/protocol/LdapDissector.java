package org.apptrack.apptrack.appid.protocol;

import org.apptrack.apptrack.appid.IdentificationCatalog;
import org.apptrack.apptrack.appid.dissect.Dissector;
import org.apptrack.apptrack.appid.dissect.Identification;
import org.apptrack.apptrack.appid.dissect.Payload;

/**
 * LDAP (RFC 4511) over TCP or UDP (CLDAP): an LDAPMessage, a BER SEQUENCE holding an INTEGER
 * message id and a protocol operation's application tag (bind request 0 to intermediate
 * response 25), whose length fits the payload.
 */
public final class LdapDissector implements Dissector {

    private final int ldap;

    public LdapDissector(IdentificationCatalog catalog) {
        this.ldap = catalog.id("LDAP");
    }

    @Override
    public String name() {
        return "ldap";
    }

    @Override
    public boolean accepts(int ipProtocol) {
        return ipProtocol == 6 || ipProtocol == 17;
    }

    @Override
    public int inspect(Payload p, Identification out) {
        if (p.u8(0) != 0x30) {
            return NOT_THIS;
        }
        int length = p.u8(1);
        int at = 2;
        if (length >= 0x81 && length <= 0x84) {
            int bytes = length & 0x7f;
            length = 0;
            for (int i = 0; i < bytes; i++) {
                length = length << 8 | p.u8(2 + i);
            }
            at = 2 + bytes;
        } else if (length >= 0x80) {
            return NOT_THIS;
        }
        int idLength = p.u8(at + 1);
        int operation = p.u8(at + 2 + idLength);
        boolean fits = p.isTcp() ? at + length >= p.length() || at + length == p.length() : at + length == p.length();
        int tag = operation & 0x1f;
        if (length < 5 || !fits || p.u8(at) != 0x02 || idLength < 1 || idLength > 4
                || (operation & 0xc0) != 0x40 || tag > 25 || tag == 18 || tag == 20 || tag == 21 || tag == 22) {
            return NOT_THIS;
        }
        out.application(ldap);
        out.encrypted(false);
        return IDENTIFIED;
    }
}

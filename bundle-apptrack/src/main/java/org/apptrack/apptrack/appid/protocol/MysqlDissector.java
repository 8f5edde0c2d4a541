package org.apptrack.apptrack.appid.protocol;

import org.apptrack.apptrack.appid.IdentificationCatalog;
import org.apptrack.apptrack.appid.dissect.Dissector;
import org.apptrack.apptrack.appid.dissect.Identification;
import org.apptrack.apptrack.appid.dissect.Payload;

/**
 * MySQL and MariaDB: the server's initial handshake packet (protocol 10): a 3-byte length equal
 * to the rest, sequence 0, and a printable version string that starts with a digit.
 */
public final class MysqlDissector implements Dissector {

    private final int mysql;

    public MysqlDissector(IdentificationCatalog catalog) {
        this.mysql = catalog.id("MYSQL");
    }

    @Override
    public String name() {
        return "mysql";
    }

    @Override
    public boolean accepts(int ipProtocol) {
        return ipProtocol == 6;
    }

    @Override
    public int inspect(Payload p, Identification out) {
        if (p.fromClient()) {
            return p.index() == 0 ? NOT_THIS : MAYBE;
        }
        int length = p.u8(0) | p.u8(1) << 8 | p.u8(2) << 16;
        if (p.length() < 40 || length != p.length() - 4 || p.u8(3) != 0 || p.u8(4) != 10) {
            return NOT_THIS;
        }
        int end = p.indexOf(0, 5, Math.min(p.length(), 5 + 64));
        if (end < 7 || p.u8(5) < '0' || p.u8(5) > '9' || !p.printable(5, end)) {
            return NOT_THIS;
        }
        out.application(mysql);
        out.encrypted(false);
        return IDENTIFIED;
    }
}

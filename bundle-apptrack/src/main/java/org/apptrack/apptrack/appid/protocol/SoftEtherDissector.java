package org.apptrack.apptrack.appid.protocol;

import org.apptrack.apptrack.appid.IdentificationCatalog;
import org.apptrack.apptrack.appid.dissect.Ascii;
import org.apptrack.apptrack.appid.dissect.Dissector;
import org.apptrack.apptrack.appid.dissect.Identification;
import org.apptrack.apptrack.appid.dissect.Payload;

/**
 * SoftEther VPN over UDP. Its address probe (NAT traversal): the client sends the single byte
 * {@code A} and the server answers with the client's public address as text,
 * {@code IP=<address>,PORT=<port>}, and nothing else. Its control messages are serialised
 * "packs": a 32-bit element count, then per element its name (a 32-bit length one more than the
 * name's bytes, then the name), a value type (0 int, 1 data, 2 string, 3 Unicode string, 4
 * 64-bit int) and a value count; the first element's header is checked.
 */
public final class SoftEtherDissector implements Dissector {

    private static final byte[] IP = Ascii.bytes("IP=");
    private static final byte[] PORT = Ascii.bytes(",PORT=");
    private static final int PROBE = 'A';
    private static final int MAX_ADDRESS = 39;
    private static final int MAX_ELEMENTS = 256;
    private static final int MAX_NAME = 63;
    private static final int LAST_VALUE_TYPE = 4;
    private static final int MAX_VALUES = 1024;

    private final int softEther;

    public SoftEtherDissector(IdentificationCatalog catalog) {
        this.softEther = catalog.id("SOFTETHER");
    }

    @Override
    public String name() {
        return "softether";
    }

    @Override
    public boolean accepts(int ipProtocol) {
        return ipProtocol == 17;
    }

    @Override
    public int inspect(Payload p, Identification out) {
        if (pack(p)) {
            return found(out);
        }
        if (p.fromClient()) {
            return p.length() == 1 && p.u8(0) == PROBE ? MAYBE : NOT_THIS; // repeated until answered
        }
        if (!p.startsWith(IP)) {
            return NOT_THIS;
        }
        int comma = p.indexOf(',', IP.length, IP.length + MAX_ADDRESS + 1);
        if (comma <= IP.length || !address(p, IP.length, comma) || !p.matches(comma, PORT)) {
            return NOT_THIS;
        }
        long port = p.decimal(comma + PORT.length, p.length());
        if (port < 0 || port > 65535) {
            return NOT_THIS;
        }
        return found(out);
    }

    private int found(Identification out) {
        out.application(softEther);
        out.encrypted(false);
        return IDENTIFIED;
    }

    private static boolean pack(Payload p) {
        long elements = p.u32(0);
        long nameLength = p.u32(4) - 1;
        if (elements < 1 || elements > MAX_ELEMENTS || nameLength < 1 || nameLength > MAX_NAME) {
            return false;
        }
        int name = 8;
        int after = name + (int) nameLength;
        for (int i = name; i < after; i++) {
            int c = p.u8(i);
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_')) {
                return false;
            }
        }
        long type = p.u32(after);
        long values = p.u32(after + 4);
        return type >= 0 && type <= LAST_VALUE_TYPE && values >= 1 && values <= MAX_VALUES;
    }

    /** An IPv4 or IPv6 address's characters (digits, dots, hex digits, colons). */
    private static boolean address(Payload p, int from, int to) {
        for (int i = from; i < to; i++) {
            int c = p.u8(i);
            boolean ok = c >= '0' && c <= '9' || c == '.' || c == ':' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
            if (!ok) {
                return false;
            }
        }
        return true;
    }
}

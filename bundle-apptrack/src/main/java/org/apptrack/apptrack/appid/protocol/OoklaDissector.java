package org.apptrack.apptrack.appid.protocol;

import org.apptrack.apptrack.appid.IdentificationCatalog;
import org.apptrack.apptrack.appid.dissect.Ascii;
import org.apptrack.apptrack.appid.dissect.Dissector;
import org.apptrack.apptrack.appid.dissect.Identification;
import org.apptrack.apptrack.appid.dissect.Payload;

/**
 * Ookla's speed test protocol (Speedtest servers, TCP 8080 and 5060 by default): line-based
 * text, the client opening with {@code HI} (optionally followed by a client id) and the server
 * answering {@code HELLO <version> ...}; then {@code PING}/{@code PONG}, {@code DOWNLOAD},
 * {@code UPLOAD}. Both lines are needed: the client's alone is too short to name a session.
 */
public final class OoklaDissector implements Dissector {

    private static final byte[] HI = Ascii.bytes("HI");
    private static final byte[] HELLO = Ascii.bytes("HELLO ");
    /** The longest opening line taken for {@code HI <client id>}. */
    private static final int MAX_HI = 80;

    private final int ookla;

    public OoklaDissector(IdentificationCatalog catalog) {
        this.ookla = catalog.id("OOKLA");
    }

    @Override
    public String name() {
        return "ookla";
    }

    @Override
    public boolean accepts(int ipProtocol) {
        return ipProtocol == 6;
    }

    @Override
    public int inspect(Payload p, Identification out) {
        if (p.fromClient()) {
            return p.index() == 0 && hi(p) ? MAYBE : NOT_THIS;
        }
        if (p.index() == 0 && p.matches(0, HELLO) && digit(p.u8(HELLO.length)) && p.u8(p.length() - 1) == '\n'
                && p.printable(0, p.length() - 1)) {
            out.application(ookla);
            out.encrypted(false);
            return IDENTIFIED;
        }
        return NOT_THIS;
    }

    /** {@code HI\n} or {@code HI <printable id>\n}, the whole payload. */
    private static boolean hi(Payload p) {
        int n = p.length();
        if (!p.matches(0, HI) || n > MAX_HI || p.u8(n - 1) != '\n') {
            return false;
        }
        return n == 3 || p.u8(2) == ' ' && n > 4 && p.printable(3, n - 1);
    }

    private static boolean digit(int c) {
        return c >= '0' && c <= '9';
    }
}

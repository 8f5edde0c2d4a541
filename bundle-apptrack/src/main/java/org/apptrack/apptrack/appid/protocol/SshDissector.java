package org.apptrack.apptrack.appid.protocol;

import org.apptrack.apptrack.appid.IdentificationCatalog;
import org.apptrack.apptrack.appid.dissect.Ascii;
import org.apptrack.apptrack.appid.dissect.Dissector;
import org.apptrack.apptrack.appid.dissect.Identification;
import org.apptrack.apptrack.appid.dissect.Payload;

/** SSH (RFC 4253 section 4.2): the identification string {@code SSH-protoversion-...} either side sends first. */
public final class SshDissector implements Dissector {

    private static final byte[] SSH = Ascii.bytes("SSH-");
    private static final byte[] V2 = Ascii.bytes("2.0-");
    private static final byte[] V199 = Ascii.bytes("1.99-");
    private static final byte[] V15 = Ascii.bytes("1.5-");

    private final int ssh;

    public SshDissector(IdentificationCatalog catalog) {
        this.ssh = catalog.id("SSH");
    }

    @Override
    public String name() {
        return "ssh";
    }

    @Override
    public boolean accepts(int ipProtocol) {
        return ipProtocol == 6;
    }

    @Override
    public int inspect(Payload p, Identification out) {
        if (p.length() < 8) {
            return p.length() < 4 && p.u8(0) == 'S' ? MAYBE : NOT_THIS;
        }
        if (!p.startsWith(SSH) || !(p.matches(4, V2) || p.matches(4, V199) || p.matches(4, V15))) {
            return NOT_THIS;
        }
        int end = p.lineEnd(0);
        if (end < 0) {
            end = p.indexOf('\n', 0, 255);
        }
        if (end > 0 && !p.printable(0, end)) {
            return NOT_THIS;
        }
        out.application(ssh);
        out.encrypted(true);
        return IDENTIFIED;
    }
}

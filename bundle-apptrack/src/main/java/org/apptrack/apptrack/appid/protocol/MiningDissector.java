package org.apptrack.apptrack.appid.protocol;

import org.apptrack.apptrack.appid.IdentificationCatalog;
import org.apptrack.apptrack.appid.dissect.Ascii;
import org.apptrack.apptrack.appid.dissect.Dissector;
import org.apptrack.apptrack.appid.dissect.Identification;
import org.apptrack.apptrack.appid.dissect.Payload;

/**
 * Cryptocurrency mining pools' JSON-RPC over TCP: the miner's first request is a JSON object
 * calling the Stratum methods ({@code mining.subscribe}, {@code mining.authorize}), Ethereum's
 * pool login ({@code eth_submitLogin}, {@code eth_login}) or the Monero pools' {@code login}
 * with the miner's {@code agent}.
 */
public final class MiningDissector implements Dissector {

    private static final byte[][] METHODS = {
        Ascii.bytes("\"mining.subscribe\""),
        Ascii.bytes("\"mining.authorize\""),
        Ascii.bytes("\"eth_submitLogin\""),
        Ascii.bytes("\"eth_login\""),
    };
    private static final byte[] LOGIN = Ascii.bytes("\"login\"");
    private static final byte[] AGENT = Ascii.bytes("\"agent\"");
    private static final byte[] METHOD = Ascii.bytes("\"method\"");
    /** How far into the request the method is looked for. */
    private static final int SCANNED = 1024;

    private final int mining;

    public MiningDissector(IdentificationCatalog catalog) {
        this.mining = catalog.id("MINING");
    }

    @Override
    public String name() {
        return "mining";
    }

    @Override
    public boolean accepts(int ipProtocol) {
        return ipProtocol == 6;
    }

    @Override
    public int inspect(Payload p, Identification out) {
        if (!p.fromClient() || p.u8(0) != '{') {
            return NOT_THIS;
        }
        int end = Math.min(p.length(), SCANNED);
        if (find(p, METHOD, end) < 0) {
            return NOT_THIS;
        }
        boolean found = false;
        for (byte[] method : METHODS) {
            found = found || find(p, method, end) >= 0;
        }
        found = found || find(p, LOGIN, end) >= 0 && find(p, AGENT, end) >= 0;
        if (!found) {
            return NOT_THIS;
        }
        out.application(mining);
        out.encrypted(false);
        return IDENTIFIED;
    }

    private static int find(Payload p, byte[] needle, int end) {
        int first = needle[0];
        for (int at = p.indexOf(first, 0, end); at >= 0 && at + needle.length <= end;
                at = p.indexOf(first, at + 1, end)) {
            if (p.matches(at, needle)) {
                return at;
            }
        }
        return -1;
    }
}

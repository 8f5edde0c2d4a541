package org.apptrack.apptrack.appid.protocol;

import org.apptrack.apptrack.appid.IdentificationCatalog;
import org.apptrack.apptrack.appid.dissect.Ascii;
import org.apptrack.apptrack.appid.dissect.Dissector;
import org.apptrack.apptrack.appid.dissect.Identification;
import org.apptrack.apptrack.appid.dissect.Payload;

/**
 * BitTorrent: the peer wire handshake over TCP (BEP 3, {@code \x13BitTorrent protocol}), the DHT
 * over UDP (BEP 5: a bencoded KRPC dictionary), uTP (BEP 29: a SYN answered by a STATE with the
 * same connection id) and the UDP tracker protocol (BEP 15: the connect request's magic).
 */
public final class BitTorrentDissector implements Dissector {

    private static final byte[] HANDSHAKE = Ascii.bytes("\u0013BitTorrent protocol");
    private static final byte[] DHT_QUERY = Ascii.bytes("d1:ad2:id20:");
    private static final byte[] DHT_RESPONSE = Ascii.bytes("d1:rd2:id20:");
    private static final byte[] DHT_ERROR = Ascii.bytes("d1:eli");
    private static final long TRACKER_MAGIC_HIGH = 0x417L;
    private static final long TRACKER_MAGIC_LOW = 0x27101980L;

    private final int bittorrent;

    public BitTorrentDissector(IdentificationCatalog catalog) {
        this.bittorrent = catalog.id("BITTORRENT");
    }

    @Override
    public String name() {
        return "bittorrent";
    }

    @Override
    public boolean accepts(int ipProtocol) {
        return ipProtocol == 6 || ipProtocol == 17;
    }

    @Override
    public int inspect(Payload p, Identification out) {
        boolean match;
        if (p.isTcp()) {
            match = p.startsWith(HANDSHAKE);
        } else if (p.u8(0) == 'd') {
            match = p.startsWith(DHT_QUERY) || p.startsWith(DHT_RESPONSE) || p.startsWith(DHT_ERROR)
                    || p.u8(p.length() - 1) == 'e' && dhtKeys(p);
        } else if (p.length() == 16 && p.u32(0) == TRACKER_MAGIC_HIGH && p.u32(4) == TRACKER_MAGIC_LOW
                && p.u32(8) == 0) {
            match = true;
        } else {
            return utp(p, out);
        }
        if (!match) {
            return NOT_THIS;
        }
        out.application(bittorrent);
        out.encrypted(false);
        return IDENTIFIED;
    }

    private static final byte[] KEY_Y = Ascii.bytes("1:y1:");
    private static final byte[] KEY_T = Ascii.bytes("1:t");

    /** A bencoded dictionary with the KRPC keys "t" and "y" in a short datagram. */
    private static boolean dhtKeys(Payload p) {
        boolean y = false;
        boolean t = false;
        for (int i = 1; i + 5 <= p.length() && i < 1500; i++) {
            y = y || p.matches(i, KEY_Y);
            t = t || p.matches(i, KEY_T);
        }
        return y && t;
    }

    /**
     * uTP: version 1 with type SYN (0x41) from the client, then STATE (0x21) from the server;
     * the extension byte is 0 or a known extension, the header 20 bytes.
     */
    private int utp(Payload p, Identification out) {
        int first = p.u8(0);
        int extension = p.u8(1);
        if (p.length() < 20 || (first & 0x0f) != 1 || extension > 2) {
            return NOT_THIS;
        }
        int type = first >>> 4;
        if (p.fromClient() && p.index() == 0) {
            return type == 4 ? MAYBE : NOT_THIS;
        }
        if (!p.fromClient() && p.index() == 0 && type == 2) {
            out.application(bittorrent);
            out.encrypted(false);
            return IDENTIFIED;
        }
        return NOT_THIS;
    }
}

package org.apptrack.apptrack.appid.protocol;

import org.apptrack.apptrack.appid.IdentificationCatalog;
import org.apptrack.apptrack.appid.dissect.Dissector;
import org.apptrack.apptrack.appid.dissect.Identification;
import org.apptrack.apptrack.appid.dissect.Payload;

/**
 * RakNet (the game networking library; message layout as documented at wiki.vg "Raknet Protocol"):
 * <ul>
 * <li>an offline message (ping, pong, open-connection request and reply, incompatible protocol)
 *     carries the 16-byte magic {@code 00ffff00 fefefefe fdfdfdfd 12345678} after the message id,
 *     after the id and an 8-byte time (pings, pongs), or after an id, time and GUID (17). Games
 *     that number their own messages (Roblox) keep the magic at those places, some behind a 31-byte
 *     header of their own (32);</li>
 * <li>an ACK or NACK ({@code c0}/{@code a0}): a record count and that many records, single (type 1,
 *     3 bytes) or range (type 0, 6 bytes), that tile the datagram exactly;</li>
 * <li>a frame set ({@code 80}..{@code 8d}, a 24-bit sequence number, then frames whose flags,
 *     optional indexes and bit lengths tile the datagram). Its first byte is also RTP's, so a
 *     frame set alone is not enough: the second payload of a direction decides (no earlier one
 *     having ruled RakNet out).</li>
 * </ul>
 */
public final class RakNetDissector implements Dissector {

    private static final long[] MAGIC = {0x00ffff00L, 0xfefefefeL, 0xfdfdfdfdL, 0x12345678L};
    /** Where the magic may start: after the id; after the id and a time; after those and a GUID; behind a game's header. */
    private static final int[] MAGIC_AT = {1, 9, 17, 32};
    private static final int MAX_ACK_RECORDS = 512;
    private static final int MAX_FRAMES = 64;

    private final int raknet;

    public RakNetDissector(IdentificationCatalog catalog) {
        this.raknet = catalog.id("RAKNET");
    }

    @Override
    public String name() {
        return "raknet";
    }

    @Override
    public boolean accepts(int ipProtocol) {
        return ipProtocol == 17;
    }

    @Override
    public int inspect(Payload p, Identification out) {
        int id = p.u8(0);
        boolean sure;
        if (id >= 0x80 && id <= 0x8d) {
            if (!frameSet(p)) {
                return NOT_THIS;
            }
            if (p.index() == 0) {
                return MAYBE;
            }
            sure = true;
        } else if (id == 0xc0 || id == 0xa0) {
            sure = acknowledgement(p);
        } else {
            sure = offlineMessage(p);
        }
        if (!sure) {
            return NOT_THIS;
        }
        out.application(raknet);
        out.encrypted(false);
        return IDENTIFIED;
    }

    private static boolean offlineMessage(Payload p) {
        for (int at : MAGIC_AT) {
            if (magicAt(p, at)) {
                return true;
            }
        }
        return false;
    }

    private static boolean magicAt(Payload p, int at) {
        for (int i = 0; i < MAGIC.length; i++) {
            if (p.u32(at + 4 * i) != MAGIC[i]) {
                return false;
            }
        }
        return true;
    }

    /** An ACK or NACK whose records tile the payload. */
    private static boolean acknowledgement(Payload p) {
        int records = p.u16(1);
        if (records <= 0 || records > MAX_ACK_RECORDS) {
            return false;
        }
        int at = 3;
        for (int r = 0; r < records; r++) {
            int type = p.u8(at);
            if (type == 1) {
                at += 4;
            } else if (type == 0) {
                at += 7;
            } else {
                return false;
            }
        }
        return at == p.length();
    }

    /** A frame set whose frames tile the payload. */
    private static boolean frameSet(Payload p) {
        int at = 4;
        int frames = 0;
        while (at < p.length()) {
            int flags = p.u8(at);
            int bits = p.u16(at + 1);
            if (flags < 0 || bits <= 0 || (flags & 0x0f) != 0 || ++frames > MAX_FRAMES) {
                return false;
            }
            int reliability = flags >>> 5;
            at += 3;
            if (reliability == 2 || reliability == 3 || reliability == 4 || reliability == 6 || reliability == 7) {
                at += 3; // reliable frame index
            }
            if (reliability == 1 || reliability == 4) {
                at += 3; // sequenced frame index
            }
            if (reliability == 1 || reliability == 3 || reliability == 4 || reliability == 7) {
                at += 4; // ordered frame index and channel
            }
            if ((flags & 0x10) != 0) {
                at += 10; // fragment: compound size, id, index
            }
            at += (bits + 7) / 8;
        }
        return frames > 0 && at == p.length();
    }
}

package org.apptrack.apptrack.appid.protocol;

import org.apptrack.apptrack.appid.IdentificationCatalog;
import org.apptrack.apptrack.appid.dissect.Ascii;
import org.apptrack.apptrack.appid.dissect.Dissector;
import org.apptrack.apptrack.appid.dissect.Identification;
import org.apptrack.apptrack.appid.dissect.Payload;

/**
 * Services of their own protocol whose messages carry constant bytes at fixed places, each
 * recognised from one payload (one dissector for all of them: each signature is a few reads):
 * <ul>
 * <li>ZUG consensus protocol (UDP): the 4-byte magic {@code 00 'z' 'U' 'G'} and message version
 *     {@code 0x10};</li>
 * <li>Riot Games' latency probes (UDP): the constant 8-byte trailer {@code aaaaaaaa bbbbbbbb}, or
 *     {@code 3cb11f2d ea23460c} of the game client's handshake;</li>
 * <li>Xiaomi's push service (TCP): the header {@code c2fe0005}, a 32-bit length of the rest after
 *     the 12-byte header, and {@code 00020016}.</li>
 * <li>Genshin Impact's connection handshake (UDP, 20 bytes): the client's connect ({@code ff}, the
 *     constant {@code 499602d2} and {@code ffffffff}) or the server's accept ({@code 0145},
 *     {@code 499602d2} and {@code 14514545});</li>
 * <li>Tencent games (TCP): the message headers {@code 3366000b 000b}, or {@code 4366aa00} and
 *     {@code aa000000} with {@code 10e68601} after their 12- or 10-byte header;</li>
 * <li>Gaijin Entertainment (UDP): the game client's 52-byte hello {@code 8fff00.. 82ff0001}, or
 *     its updater's telemetry, whose metric names start {@code embeddedupdater.};</li>
 * <li>NetEase games (UDP): the client's 12-byte hello ({@code 01}, {@code d001} little-endian at 2,
 *     {@code 00010101} at 8), or the headers {@code b3af8de8} and {@code 0708080c}.</li>
 * </ul>
 */
public final class FixedSignatureDissector implements Dissector {

    private static final long ZUG_MAGIC = 0x007a5547L;
    private static final int ZUG_VERSION = 0x10;
    private static final long RIOT_PROBE_A = 0xaaaaaaaaL;
    private static final long RIOT_PROBE_B = 0xbbbbbbbbL;
    private static final long RIOT_HANDSHAKE_A = 0x3cb11f2dL;
    private static final long RIOT_HANDSHAKE_B = 0xea23460cL;
    private static final long XIAOMI_MAGIC = 0xc2fe0005L;
    private static final long XIAOMI_VERSION = 0x00020016L;
    private static final int XIAOMI_HEADER = 12;
    private static final int GENSHIN_HANDSHAKE = 20;
    private static final long GENSHIN_CONNECT = 0x000000ffL;
    private static final long GENSHIN_ACCEPT = 0x00000145L;
    private static final long GENSHIN_MAGIC = 0x499602d2L;
    private static final long GENSHIN_CONNECT_END = 0xffffffffL;
    private static final long GENSHIN_ACCEPT_END = 0x14514545L;
    private static final long TENCENT_A = 0x3366000bL;
    private static final long TENCENT_B = 0x4366aa00L;
    private static final long TENCENT_C = 0xaa000000L;
    private static final long TENCENT_TAG = 0x10e68601L;
    private static final int TENCENT_MIN = 51;
    private static final int GAIJIN_HELLO = 52;
    private static final byte[] GAIJIN_UPDATER = Ascii.bytes("embeddedupdater.");
    private static final int NETEASE_HELLO = 12;
    private static final long NETEASE_LOST_LIGHT = 0xb3af8de8L;
    private static final long NETEASE_NARAKA = 0x0708080cL;
    private static final int NETEASE_MIN = 30;

    private final int zug;
    private final int riotGames;
    private final int xiaomi;
    private final int genshin;
    private final int tencent;
    private final int gaijin;
    private final int netease;

    public FixedSignatureDissector(IdentificationCatalog catalog) {
        this.zug = catalog.id("ZUG");
        this.riotGames = catalog.id("RIOTGAMES");
        this.xiaomi = catalog.id("XIAOMI");
        this.genshin = catalog.id("GENSHINIMPACT");
        this.tencent = catalog.id("TENCENTGAMES");
        this.gaijin = catalog.id("GAIJINENTERTAINMENT");
        this.netease = catalog.id("NETEASEGAMES");
    }

    @Override
    public String name() {
        return "fixed-signature";
    }

    @Override
    public boolean accepts(int ipProtocol) {
        return ipProtocol == 6 || ipProtocol == 17;
    }

    @Override
    public int inspect(Payload p, Identification out) {
        int application = p.isTcp() ? tcp(p) : udp(p);
        if (application == 0) {
            return NOT_THIS;
        }
        out.application(application);
        return IDENTIFIED;
    }

    private int tcp(Payload p) {
        if (p.u32(0) == XIAOMI_MAGIC && p.u32(8) == XIAOMI_VERSION && p.u32(4) + XIAOMI_HEADER == p.length()) {
            return xiaomi;
        }
        if (p.length() >= TENCENT_MIN) {
            long head = p.u32(0);
            if (head == TENCENT_A && p.u16(4) == 0x000b || head == TENCENT_B && p.u32(12) == TENCENT_TAG
                    || head == TENCENT_C && p.u32(10) == TENCENT_TAG) {
                return tencent;
            }
        }
        return 0;
    }

    private int udp(Payload p) {
        if (p.u32(0) == ZUG_MAGIC && p.u8(4) == ZUG_VERSION) {
            return zug;
        }
        if (p.length() == GENSHIN_HANDSHAKE && p.u32(12) == GENSHIN_MAGIC
                && (p.u32(0) == GENSHIN_CONNECT && p.u32(4) == 0 && p.u32(16) == GENSHIN_CONNECT_END
                || p.u32(0) == GENSHIN_ACCEPT && p.u32(16) == GENSHIN_ACCEPT_END)) {
            return genshin;
        }
        if (p.length() == GAIJIN_HELLO && p.u16(0) == 0x8fff && p.u8(2) == 0 && p.u32(4) == 0x82ff0001L
                || p.startsWith(GAIJIN_UPDATER)) {
            return gaijin;
        }
        if (p.length() == NETEASE_HELLO && p.fromClient() && p.u8(0) == 0x01 && p.u16le(2) == 0x01d0
                && p.u32(8) == 0x00010101L
                || p.length() >= NETEASE_MIN && p.u32(0) == NETEASE_LOST_LIGHT
                || p.length() > NETEASE_MIN && p.u32(0) == NETEASE_NARAKA) {
            return netease;
        }
        int end = p.length();
        if (end > 8) {
            long a = p.u32(end - 8);
            long b = p.u32(end - 4);
            if (a == RIOT_PROBE_A && b == RIOT_PROBE_B || a == RIOT_HANDSHAKE_A && b == RIOT_HANDSHAKE_B) {
                return riotGames;
            }
        }
        return 0;
    }
}

package org.apptrack.apptrack.appid.protocol;

import java.nio.charset.StandardCharsets;
import org.apptrack.apptrack.api.IpAddresses;
import org.apptrack.apptrack.appid.IdentificationCatalog;
import org.apptrack.apptrack.appid.dissect.Dissector;
import org.apptrack.apptrack.appid.dissect.Identification;
import org.apptrack.apptrack.appid.dissect.Payload;
import org.apptrack.apptrack.engine.classify.ClassificationState;

/**
 * STUN and TURN (RFC 8489, 8656, and classic RFC 3489): a message header whose type has its two
 * top bits clear, a length that is a multiple of four and fits the payload, and the magic cookie
 * (or, without it, a classic binding message of exactly the declared length). Over TCP, messages
 * may follow each other in one segment, so the length only has to fit.
 *
 * <p>The session stays claimed for a few more payloads ({@link #MORE_PAYLOADS}), because the
 * call service shows in later messages and in the server's answers, and because WebRTC
 * multiplexes its media on the same ports (RFC 7983, by the first byte):
 * <ul>
 * <li>STUN messages name the call service (the nested application) by the attributes and message
 *     types the services document or define for themselves: Microsoft's MS-TURN and MS-ICE2
 *     attributes (Teams, Skype for Business), WhatsApp's own message types {@code 0x0800-0x0805}
 *     and attributes {@code 0x4000-0x4007}, Zoom's {@code 0x0101}/{@code 0x0103}, Google's
 *     {@code 0xFF03}, and the REALM of a TURN server (google.com, signal.org, facebook, telegram,
 *     viber);</li>
 * <li>a DTLS handshake after STUN makes the session DTLS (the nested application stays);</li>
 * <li>RTP after STUN that named a call service is that service's SRTP (every call service sends
 *     its media encrypted); RTP without one leaves the session STUN.</li>
 * </ul>
 */
public final class StunDissector implements Dissector {

    /** Payloads read after the first, both directions together, before identification ends. */
    static final int MORE_PAYLOADS = 10;

    private static final long MAGIC_COOKIE = 0x2112A442L;
    private static final int HEADER = 20;
    private static final int W_STATE = Payload.FIRST_STATE_WORD;
    private static final long CLAIMED_MARK = 1L << 62;
    private static final int ATTR_REALM = 0x0014;
    private static final int ATTR_XOR_PEER_ADDRESS = 0x0012;
    private static final int MAX_REALM = 128;
    private static final byte[] GOOGLE_COM = ascii("google.com");
    private static final byte[] SIGNAL_ORG = ascii("signal.org");
    private static final byte[] WHISPERSYSTEMS_ORG = ascii("whispersystems.org");
    private static final byte[] FACEBOOK = ascii("facebook");
    private static final byte[] TELEGRAM = ascii("telegram");
    private static final byte[] VIBER = ascii("viber");

    private final int stun;
    private final int dtls;
    private final int srtp;
    private final int whatsAppCall;
    private final int zoom;
    private final int googleCall;
    private final int teams;
    private final int signalVoip;
    private final int facebookVoip;
    private final int telegramVoip;
    private final int viberVoip;

    public StunDissector(IdentificationCatalog catalog) {
        this.stun = catalog.id("STUN");
        this.dtls = catalog.id("DTLS");
        this.srtp = catalog.id("SRTP");
        this.whatsAppCall = catalog.id("WHATSAPPCALL");
        this.zoom = catalog.id("ZOOM");
        this.googleCall = catalog.id("GOOGLECALL");
        this.teams = catalog.id("MS-TEAMS");
        this.signalVoip = catalog.id("SIGNALVOIP");
        this.facebookVoip = catalog.id("FACEBOOKVOIP");
        this.telegramVoip = catalog.id("TELEGRAMVOIP");
        this.viberVoip = catalog.id("VIBERVOIP");
    }

    @Override
    public String name() {
        return "stun";
    }

    @Override
    public boolean accepts(int ipProtocol) {
        return ipProtocol == 6 || ipProtocol == 17;
    }

    @Override
    public int inspect(Payload p, Identification out) {
        ClassificationState state = p.state();
        long word = state.word(W_STATE);
        if ((word & CLAIMED_MARK) == 0) {
            int at = message(p);
            if (at < 0) {
                return NOT_THIS;
            }
            out.application(stun);
            int service = service(p, at, out);
            if (service != 0) {
                out.nested(service);
            }
            state.word(W_STATE, CLAIMED_MARK | service);
            return CLAIMED;
        }
        int service = (int) (word & 0xffff);
        int seen = (int) (word >>> 16 & 0xff) + 1;
        int verdict = seen >= MORE_PAYLOADS ? IDENTIFIED : CLAIMED;
        int first = p.u8(0);
        if (first >= 20 && first <= 63 && !p.isTcp() && DtlsDissector.records(p)) {
            out.application(dtls);
            out.encrypted(true);
            return IDENTIFIED;
        }
        if (first >= 128 && first <= 191 && !p.isTcp() && rtp(p)) {
            if (service != 0) {
                out.application(srtp);
                out.encrypted(true);
                return IDENTIFIED;
            }
        } else {
            int at = message(p);
            if (at >= 0) {
                int named = service(p, at, out);
                if (service == 0 && named != 0) {
                    service = named;
                    out.nested(service);
                }
            }
        }
        state.word(W_STATE, CLAIMED_MARK | (long) seen << 16 | service);
        return verdict;
    }

    /** Where the STUN message starts (0, or 2 after RFC 4571 framing), or -1 if the payload is none. */
    private static int message(Payload p) {
        int at = p.isTcp() && p.u16(0) == p.length() - 2 && (p.u8(2) & 0xc0) == 0
                && p.u32(6) == MAGIC_COOKIE ? 2 : 0; // RFC 4571 framing
        if (p.length() - at < HEADER) {
            return -1;
        }
        int type = p.u16(at);
        int length = p.u16(at + 2);
        if ((type & 0xc000) != 0 || at + HEADER + length > p.length()) {
            return -1;
        }
        boolean exact = at + HEADER + length == p.length();
        if (p.u32(at + 4) == MAGIC_COOKIE) {
            // WhatsApp leaves its last attribute unpadded: a length not a multiple of four is
            // taken only where the datagram ends with that attribute
            if (!exact && !p.isTcp() || (length & 3) != 0 && !(exact && !p.isTcp())) {
                return -1;
            }
        } else if ((length & 3) != 0) {
            return -1;
        } else {
            int method = type & 0x3eef;
            if (!exact || method != 0x0001 || !(type == 0x0001 || type == 0x0101 || type == 0x0111)) {
                return -1;
            }
        }
        return attributesTile(p, at + HEADER, at + HEADER + length) ? at : -1;
    }

    /** Whether the attributes tile the body exactly (each padded to four bytes, the last one may end unpadded). */
    private static boolean attributesTile(Payload p, int at, int end) {
        int n = 0;
        while (at < end) {
            int length = p.u16(at + 2);
            if (length < 0 || ++n > 64) {
                return false;
            }
            if (at + 4 + length == end) {
                return true;
            }
            at += 4 + (length + 3 & ~3);
        }
        return at == end;
    }

    /**
     * The call service the message at {@code at} names by its type or attributes, or 0; a TURN
     * peer it names goes to {@code out}.
     */
    private int service(Payload p, int at, Identification out) {
        int type = p.u16(at);
        if (type >= 0x0800 && type <= 0x0805 && type != 0x0803) {
            return whatsAppCall; // WhatsApp's own message types
        }
        int end = at + HEADER + p.u16(at + 2);
        int found = 0;
        for (int a = at + HEADER; a + 4 <= end; ) {
            int attribute = p.u16(a);
            int length = p.u16(a + 2);
            if (attribute == ATTR_XOR_PEER_ADDRESS && p.u32(at + 4) == MAGIC_COOKIE) {
                peer(p, at, a + 4, length, out);
            }
            int named = attribute(p, attribute, a + 4, Math.min(length, end - a - 4));
            if (named != 0 && found == 0) {
                found = named;
            }
            a += 4 + (length + 3 & ~3);
        }
        return found;
    }

    /** Decodes an XOR-PEER-ADDRESS (RFC 8489 section 14.2) of the message at {@code at}. */
    private static void peer(Payload p, int at, int value, int length, Identification out) {
        int family = p.u8(value + 1);
        int port = p.u16(value + 2) ^ (int) (MAGIC_COOKIE >>> 16);
        if (family == 1 && length == 8 && p.u32(value + 4) >= 0) {
            out.peer(0, IpAddresses.ipv4Low((int) (p.u32(value + 4) ^ MAGIC_COOKIE)), port);
        } else if (family == 2 && length == 20 && p.u32(value + 16) >= 0) {
            long high = (p.u32(value + 4) ^ MAGIC_COOKIE) << 32 | p.u32(value + 8) ^ p.u32(at + 8);
            long low = (p.u32(value + 12) ^ p.u32(at + 12)) << 32 | p.u32(value + 16) ^ p.u32(at + 16);
            out.peer(high, low, port);
        }
    }

    private int attribute(Payload p, int attribute, int value, int length) {
        switch (attribute) {
            case 0x4000:
            case 0x4001:
            case 0x4002:
            case 0x4003:
            case 0x4004:
            case 0x4007:
                return whatsAppCall;
            case 0x0101:
            case 0x0103:
                return zoom;
            case 0xFF03:
                return googleCall;
            case 0x8036: // MS-TURN Bandwidth Admission Control Message
            case 0x8037: // MS-TURN Bandwidth Reservation Identifier
            case 0x8054: // MS-ICE2 Candidate Identifier
            case 0x8055: // MS-TURN MS-Service Quality
            case 0x8070: // MS-ICE2 MS-Implementation Version
            case 0x8095: // MS-TURN MS-Multiplexed TURN Session ID
                return teams;
            case ATTR_REALM:
                return realm(p, value, length);
            default:
                return 0;
        }
    }

    /** The call service whose TURN servers use this realm, or 0. */
    private int realm(Payload p, int at, int length) {
        if (length <= 0 || length > MAX_REALM) {
            return 0;
        }
        if (endsWithDomain(p, at, length, GOOGLE_COM)) {
            return googleCall;
        }
        if (endsWithDomain(p, at, length, SIGNAL_ORG) || endsWithDomain(p, at, length, WHISPERSYSTEMS_ORG)) {
            return signalVoip;
        }
        if (hasLabel(p, at, length, FACEBOOK)) {
            return facebookVoip;
        }
        if (hasLabel(p, at, length, TELEGRAM)) {
            return telegramVoip;
        }
        if (hasLabel(p, at, length, VIBER)) {
            return viberVoip;
        }
        return 0;
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    /** Whether the realm is {@code domain} or a name under it (case-insensitive). */
    private static boolean endsWithDomain(Payload p, int at, int length, byte[] domain) {
        int start = at + length - domain.length;
        if (start < at || !p.matchesIgnoreCase(start, domain)) {
            return false;
        }
        return start == at || p.u8(start - 1) == '.';
    }

    /** Whether one of the realm's dot-separated labels is {@code label} (case-insensitive). */
    private static boolean hasLabel(Payload p, int at, int length, byte[] label) {
        int end = at + length;
        int start = at;
        for (int i = at; i <= end; i++) {
            if (i == end || p.u8(i) == '.') {
                if (i - start == label.length && p.matchesIgnoreCase(start, label)) {
                    return true;
                }
                start = i + 1;
            }
        }
        return false;
    }

    /** An RTP header (version 2, not an RTCP packet type) that fits the datagram. */
    private static boolean rtp(Payload p) {
        int second = p.u8(1);
        return p.length() >= 12 && (p.u8(0) & 0xc0) == 0x80 && !(second >= 192 && second <= 223)
                && 12 + 4 * (p.u8(0) & 0x0f) <= p.length();
    }
}

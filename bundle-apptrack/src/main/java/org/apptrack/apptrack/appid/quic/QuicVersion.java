package org.apptrack.apptrack.appid.quic;

import java.nio.charset.StandardCharsets;

/**
 * The versions whose client Initial can be opened, and what differs between them: the salt of
 * the Initial secret, the HKDF labels, the long-header type bits of an Initial, and what the
 * CRYPTO stream carries (a TLS ClientHello, or gQUIC's CHLO) in which frame type.
 *
 * <p>Salts: RFC 9001 5.2 (v1, also drafts 33 and 34), RFC 9369 3.3.1 (v2), draft-ietf-quic-tls-29
 * (drafts 29 to 32), -23 (23 to 28; Facebook mvfst's 0xfaceb002 and 0xfaceb00e), -22 (mvfst
 * 0xfaceb001); Google's Q050, T050 and T051 have their own.
 */
public final class QuicVersion {

    /** What the CRYPTO stream carries and how. */
    enum Payload {
        /** IETF frames; CRYPTO frame 0x06 carries a TLS ClientHello. */
        IETF_TLS,
        /** gQUIC frames; CRYPTO frame 0x08 carries a TLS ClientHello (T05x). */
        GQUIC_TLS,
        /** gQUIC frames; CRYPTO frame 0x08 carries a CHLO (Q050). */
        GQUIC_CHLO
    }

    public static final int V1 = 0x00000001;
    public static final int V2 = 0x6b3343cf;
    public static final int Q046 = 0x51303436;
    public static final int Q050 = 0x51303530;
    public static final int T050 = 0x54303530;
    public static final int T051 = 0x54303531;
    public static final int MVFST_22 = 0xfaceb001;
    public static final int MVFST_27 = 0xfaceb002;
    public static final int MVFST_EXPERIMENTAL = 0xfaceb00e;
    private static final int DRAFT_PREFIX = 0xff000000;

    private static final byte[] SALT_V1 = hex("38762cf7f55934b34d179ae6a4c80cadccbb7f0a");
    private static final byte[] SALT_V2 = hex("0dede3def700a6db819381be6e269dcbf9bd2ed9");
    private static final byte[] SALT_DRAFT_29 = hex("afbfec289993d24c9e9786f19c6111e04390a899");
    private static final byte[] SALT_DRAFT_23 = hex("c3eef712c72ebb5a11a7d2432bb46365bef9f502");
    private static final byte[] SALT_DRAFT_22 = hex("7fbcdb0e7c66bbe9193a96cd21519ebd7a02644a");
    private static final byte[] SALT_Q050 = hex("504574efd066fe2f9d945cfcdbd3a7f0d3b56b45");
    private static final byte[] SALT_T050 = hex("7ff579e5acd072915580304c43a2367c60488310");
    private static final byte[] SALT_T051 = hex("7a4edef4e7ccee5fa4506c19124fc8ccda6e033d");

    static final byte[] CLIENT_IN = label("client in", 32);
    private static final byte[] KEY_V1 = label("quic key", 16);
    private static final byte[] IV_V1 = label("quic iv", 12);
    private static final byte[] HP_V1 = label("quic hp", 16);
    private static final byte[] KEY_V2 = label("quicv2 key", 16);
    private static final byte[] IV_V2 = label("quicv2 iv", 12);
    private static final byte[] HP_V2 = label("quicv2 hp", 16);

    private static final QuicVersion VERSION_1 = new QuicVersion(SALT_V1, false, Payload.IETF_TLS);
    private static final QuicVersion VERSION_2 = new QuicVersion(SALT_V2, true, Payload.IETF_TLS);
    private static final QuicVersion DRAFT_29 = new QuicVersion(SALT_DRAFT_29, false, Payload.IETF_TLS);
    private static final QuicVersion DRAFT_23 = new QuicVersion(SALT_DRAFT_23, false, Payload.IETF_TLS);
    private static final QuicVersion DRAFT_22 = new QuicVersion(SALT_DRAFT_22, false, Payload.IETF_TLS);
    private static final QuicVersion GOOGLE_Q050 = new QuicVersion(SALT_Q050, false, Payload.GQUIC_CHLO);
    private static final QuicVersion GOOGLE_T050 = new QuicVersion(SALT_T050, false, Payload.GQUIC_TLS);
    private static final QuicVersion GOOGLE_T051 = new QuicVersion(SALT_T051, false, Payload.GQUIC_TLS);

    final byte[] salt;
    final byte[] keyLabel;
    final byte[] ivLabel;
    final byte[] hpLabel;
    /** Long-header type bits ({@code (first >> 4) & 3}) of an Initial, a 0-RTT, and a Retry (which has no length). */
    final int initialType;
    final int zeroRttType;
    final int retryType;
    final Payload payload;

    private QuicVersion(byte[] salt, boolean v2, Payload payload) {
        this.salt = salt;
        this.keyLabel = v2 ? KEY_V2 : KEY_V1;
        this.ivLabel = v2 ? IV_V2 : IV_V1;
        this.hpLabel = v2 ? HP_V2 : HP_V1;
        this.initialType = v2 ? 1 : 0;
        this.zeroRttType = v2 ? 2 : 1;
        this.retryType = v2 ? 0 : 3;
        this.payload = payload;
    }

    /** The protection of {@code version}'s Initial packets, or null when it is not known. */
    static QuicVersion of(int version) {
        switch (version) {
            case V1: return VERSION_1;
            case V2: return VERSION_2;
            case Q050: return GOOGLE_Q050;
            case T050: return GOOGLE_T050;
            case T051: return GOOGLE_T051;
            case MVFST_22: return DRAFT_22;
            case MVFST_27:
            case MVFST_EXPERIMENTAL:
                return DRAFT_23;
            default:
                break;
        }
        if ((version & 0xffffff00) == DRAFT_PREFIX) {
            int draft = version & 0xff;
            if (draft >= 33 && draft <= 34) {
                return VERSION_1;
            }
            if (draft >= 29 && draft <= 32) {
                return DRAFT_29;
            }
            if (draft >= 23 && draft <= 28) {
                return DRAFT_23;
            }
            if (draft == 22) {
                return DRAFT_22;
            }
        }
        return null;
    }

    /** Whether {@code version} is one whose Initial this reader opens. */
    public static boolean isSupported(int version) {
        return of(version) != null;
    }

    /** gQUIC versions (Q0xx, T0xx) as their four ASCII characters. */
    static boolean isGoogle(int version) {
        int c0 = version >>> 24;
        return (c0 == 'Q' || c0 == 'T') && digit(version >>> 16 & 0xff) && digit(version >>> 8 & 0xff)
                && digit(version & 0xff);
    }

    /** The gQUIC version number (39 for Q039), or -1. */
    static int googleNumber(int version) {
        if (!isGoogle(version)) {
            return -1;
        }
        return ((version >>> 16 & 0xff) - '0') * 100 + ((version >>> 8 & 0xff) - '0') * 10 + (version & 0xff) - '0';
    }

    /** A readable name: "v1", "v2", "draft-29", "Q039", "mvfst-27", or hex. */
    public static String name(int version) {
        if (version == V1) {
            return "v1";
        }
        if (version == V2) {
            return "v2";
        }
        if ((version & 0xffffff00) == DRAFT_PREFIX) {
            return "draft-" + (version & 0xff);
        }
        if (isGoogle(version)) {
            return new String(new byte[] {(byte) (version >>> 24), (byte) (version >>> 16), (byte) (version >>> 8),
                (byte) version}, StandardCharsets.US_ASCII);
        }
        if (version == MVFST_22) {
            return "mvfst-22";
        }
        if (version == MVFST_27) {
            return "mvfst-27";
        }
        if (version == MVFST_EXPERIMENTAL) {
            return "mvfst-exp";
        }
        return String.format("0x%08x", version);
    }

    /** The forcing-version-negotiation pattern 0x?a?a?a?a (RFC 9000 15). */
    static boolean isNegotiationProbe(int version) {
        return (version & 0x0f0f0f0f) == 0x0a0a0a0a;
    }

    private static boolean digit(int c) {
        return c >= '0' && c <= '9';
    }

    /** HkdfLabel (RFC 8446 7.1) for {@code "tls13 " + label}, empty context, {@code length} bytes. */
    private static byte[] label(String label, int length) {
        byte[] full = ("tls13 " + label).getBytes(StandardCharsets.US_ASCII);
        byte[] info = new byte[2 + 1 + full.length + 1];
        info[0] = (byte) (length >> 8);
        info[1] = (byte) length;
        info[2] = (byte) full.length;
        System.arraycopy(full, 0, info, 3, full.length);
        info[info.length - 1] = 0;
        return info;
    }

    private static byte[] hex(String s) {
        byte[] out = new byte[s.length() / 2];
        for (int i = 0; i < out.length; i++) {
            out[i] = (byte) Integer.parseInt(s.substring(2 * i, 2 * i + 2), 16);
        }
        return out;
    }
}

package org.apptrack.apptrack.appid.tls;

/** Protocol version numbers as they appear on the wire (TLS, DTLS, drafts, GREASE). */
public final class TlsVersions {

    public static final int SSL_3_0 = 0x0300;
    public static final int TLS_1_0 = 0x0301;
    public static final int TLS_1_1 = 0x0302;
    public static final int TLS_1_2 = 0x0303;
    public static final int TLS_1_3 = 0x0304;
    public static final int DTLS_1_0 = 0xfeff;
    public static final int DTLS_1_2 = 0xfefd;
    public static final int DTLS_1_3 = 0xfefc;

    private TlsVersions() {
    }

    /** GREASE values (RFC 8701): 0x?a?a with both bytes equal. */
    public static boolean isGrease(int version) {
        return (version & 0x0f0f) == 0x0a0a && (version >> 8) == (version & 0xff);
    }

    /** TLS 1.3, DTLS 1.3 or a TLS 1.3 draft (0x7fNN): the handshake after the hellos is encrypted. */
    public static boolean isTls13(int version) {
        return version == TLS_1_3 || version == DTLS_1_3 || (version & 0xff00) == 0x7f00;
    }

    /** Whether {@code a} is a newer protocol than {@code b} (DTLS numbers count down). */
    static boolean newer(int a, int b, boolean dtls) {
        if (b == 0) {
            return true;
        }
        return dtls ? a < b : a > b;
    }

    /** A readable name ("TLS 1.3", "DTLS 1.2", "0x7f1c") for logs and tests. */
    public static String name(int version) {
        switch (version) {
            case SSL_3_0: return "SSL 3.0";
            case TLS_1_0: return "TLS 1.0";
            case TLS_1_1: return "TLS 1.1";
            case TLS_1_2: return "TLS 1.2";
            case TLS_1_3: return "TLS 1.3";
            case DTLS_1_0: return "DTLS 1.0";
            case DTLS_1_2: return "DTLS 1.2";
            case DTLS_1_3: return "DTLS 1.3";
            default: return String.format("0x%04x", version);
        }
    }
}

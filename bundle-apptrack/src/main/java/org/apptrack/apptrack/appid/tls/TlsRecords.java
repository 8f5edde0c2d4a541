package org.apptrack.apptrack.appid.tls;

/**
 * The TLS record header (RFC 8446 5.1, RFC 5246 6.2): content type, legacy version, length.
 * What may start a TLS stream and what a record's fields may hold.
 */
public final class TlsRecords {

    public static final int HEADER = 5;
    public static final int CHANGE_CIPHER_SPEC = 20;
    public static final int ALERT = 21;
    public static final int HANDSHAKE = 22;
    public static final int APPLICATION_DATA = 23;
    public static final int HEARTBEAT = 24;
    /** The largest record: 2^14 bytes of plaintext plus the expansion TLS 1.2 allows. */
    public static final int MAX_LENGTH = (1 << 14) + 2048;

    private TlsRecords() {
    }

    public static boolean validType(int type) {
        return type >= CHANGE_CIPHER_SPEC && type <= HEARTBEAT;
    }

    /** Major 3, minor 0 (SSL 3.0) to 4. */
    public static boolean validVersion(int major, int minor) {
        return major == 3 && minor <= 4;
    }

    public static boolean validLength(int length) {
        return length > 0 && length <= MAX_LENGTH;
    }
}

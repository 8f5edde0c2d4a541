package org.apptrack.apptrack.appid.quic;

import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HKDF with SHA-256 (RFC 5869): Extract, and Expand of at most one hash length, which is all that
 * QUIC Initial keys need (HKDF-Expand-Label's info, RFC 8446 7.1, is precomputed per label in
 * {@link QuicVersion}). One reused {@link Mac}; each key set costs a few {@code Mac.init}.
 * Not thread-safe.
 */
final class Hkdf {

    static final int HASH = 32;
    private static final String HMAC = "HmacSHA256";

    private final Mac mac;
    private final byte[] counter = {1};
    private final byte[] block = new byte[HASH];

    Hkdf() throws GeneralSecurityException {
        mac = Mac.getInstance(HMAC);
    }

    /** PRK = HMAC(salt, ikm[0, ikmLength)) into {@code prk}. */
    void extract(byte[] salt, byte[] ikm, int ikmLength, byte[] prk) throws GeneralSecurityException {
        mac.init(new SecretKeySpec(salt, HMAC));
        mac.update(ikm, 0, ikmLength);
        mac.doFinal(prk, 0);
    }

    /** The first {@code length} (at most {@link #HASH}) bytes of T(1) = HMAC(prk, info || 0x01). */
    void expand(byte[] prk, byte[] info, byte[] out, int length) throws GeneralSecurityException {
        if (length > HASH) {
            throw new GeneralSecurityException("HKDF-Expand of more than one block: " + length);
        }
        mac.init(new SecretKeySpec(prk, HMAC));
        mac.update(info);
        mac.update(counter);
        mac.doFinal(block, 0);
        System.arraycopy(block, 0, out, 0, length);
    }
}

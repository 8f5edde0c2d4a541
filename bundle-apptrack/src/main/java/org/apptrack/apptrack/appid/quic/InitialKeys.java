package org.apptrack.apptrack.appid.quic;

import java.security.GeneralSecurityException;
import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;

/**
 * The client's Initial keys (RFC 9001 5.2, RFC 9369 3.3) for one version and Destination
 * Connection ID: the AEAD key and IV, and the header-protection cipher ready to mask. Derived
 * again only when the version or connection ID changes (a session's Initials share them), so a
 * classifier derives once per session. Not thread-safe.
 */
final class InitialKeys {

    static final int KEY = 16;
    static final int IV = 12;

    private final Hkdf hkdf;
    private final Cipher headerProtection;
    private final byte[] prk = new byte[Hkdf.HASH];
    private final byte[] clientSecret = new byte[Hkdf.HASH];
    private final byte[] keyBytes = new byte[KEY];
    private final byte[] hpBytes = new byte[KEY];
    final byte[] iv = new byte[IV];
    SecretKeySpec key;

    private QuicVersion version;
    private final byte[] dcid = new byte[LongHeader.MAX_CID];
    private int dcidLength = -1;

    InitialKeys() throws GeneralSecurityException {
        hkdf = new Hkdf();
        headerProtection = Cipher.getInstance("AES/ECB/NoPadding");
    }

    /** Makes the keys those of {@code v} and {@code cid[0, cidLength)}. */
    void select(QuicVersion v, byte[] cid, int cidLength) throws GeneralSecurityException {
        if (v == version && cidLength == dcidLength && sameCid(cid, cidLength)) {
            return;
        }
        dcidLength = -1; // not valid until derived
        hkdf.extract(v.salt, cid, cidLength, prk);
        hkdf.expand(prk, QuicVersion.CLIENT_IN, clientSecret, Hkdf.HASH);
        hkdf.expand(clientSecret, v.keyLabel, keyBytes, KEY);
        hkdf.expand(clientSecret, v.ivLabel, iv, IV);
        hkdf.expand(clientSecret, v.hpLabel, hpBytes, KEY);
        key = new SecretKeySpec(keyBytes, "AES");
        headerProtection.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(hpBytes, "AES"));
        System.arraycopy(cid, 0, dcid, 0, cidLength);
        dcidLength = cidLength;
        version = v;
    }

    /** The header-protection mask (RFC 9001 5.4.3): AES-ECB of the 16-byte sample at {@code sample[offset]}. */
    void mask(byte[] sample, int offset, byte[] mask) throws GeneralSecurityException {
        headerProtection.doFinal(sample, offset, 16, mask, 0);
    }

    /** For tests: the derived key, IV and header-protection key, concatenated. */
    byte[] material() {
        byte[] out = new byte[KEY + IV + KEY];
        System.arraycopy(keyBytes, 0, out, 0, KEY);
        System.arraycopy(iv, 0, out, KEY, IV);
        System.arraycopy(hpBytes, 0, out, KEY + IV, KEY);
        return out;
    }

    private boolean sameCid(byte[] cid, int length) {
        for (int i = 0; i < length; i++) {
            if (cid[i] != dcid[i]) {
                return false;
            }
        }
        return true;
    }
}

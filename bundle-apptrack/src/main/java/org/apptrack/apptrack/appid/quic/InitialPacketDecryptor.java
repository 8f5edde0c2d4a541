package org.apptrack.apptrack.appid.quic;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;

/**
 * Opens one client Initial packet (RFC 9001 5.3, 5.4): removes header protection (AES-ECB mask
 * from the sample) on a copy of the packet, then decrypts the payload with AES-128-GCM, the
 * unprotected header as associated data, the IV XOR the packet number as nonce. The frame's
 * bytes are never changed. The plaintext goes to {@link #plain}, reused.
 *
 * <p>Allocation: none of its own per packet. The JDK's AES-GCM allocates for each packet (a
 * {@code GCMParameterSpec} for the nonce, the associated-data buffer, engine state) and the key
 * derivation when a session's first Initial arrives allocates key specs: the JCE's, unavoidable.
 * Classification reads only a session's first datagrams. Not thread-safe.
 */
final class InitialPacketDecryptor {

    /** Largest packet opened (a UDP datagram's payload). */
    static final int MAX_PACKET = 65536;
    /** {@link #decrypt} results that are not a plaintext length. */
    static final int FAILED = -1;
    static final int MALFORMED = -2;

    private static final int TAG = 16;
    private static final int SAMPLE = 16;

    private final InitialKeys keys;
    private final Cipher aead;
    private final byte[] packet = new byte[MAX_PACKET];
    final byte[] plain = new byte[MAX_PACKET];
    final ByteBuffer plainView = ByteBuffer.wrap(plain);
    private final byte[] mask = new byte[SAMPLE];
    private final byte[] nonce = new byte[InitialKeys.IV];

    InitialPacketDecryptor() throws GeneralSecurityException {
        keys = new InitialKeys();
        aead = Cipher.getInstance("AES/GCM/NoPadding");
    }

    /**
     * The Initial described by {@code h} (its Length parsed), with the keys of {@code v} and the
     * connection ID {@code cid[0, cidLength)}.
     *
     * @return the plaintext length in {@link #plain}, {@link #FAILED} when it does not
     *     authenticate, {@link #MALFORMED} when it is too short to hold a sample and a tag
     */
    int decrypt(ByteBuffer b, LongHeader h, QuicVersion v, byte[] cid, int cidLength) {
        int length = h.packetEnd - h.start;
        int pnAt = h.pnOffset - h.start;
        if (h.packetEnd - h.pnOffset < 4 + SAMPLE || length > MAX_PACKET) {
            return MALFORMED;
        }
        copy(b, h.start, length);
        try {
            keys.select(v, cid, cidLength);
            keys.mask(packet, pnAt + 4, mask);
            int first = (packet[0] ^ mask[0] & 0x0f) & 0xff;
            packet[0] = (byte) first;
            int pnLength = (first & 3) + 1;
            long pn = 0;
            for (int i = 0; i < pnLength; i++) {
                packet[pnAt + i] ^= mask[1 + i];
                pn = pn << 8 | (packet[pnAt + i] & 0xff);
            }
            int headerLength = pnAt + pnLength;
            if (length - headerLength < TAG) {
                return MALFORMED;
            }
            System.arraycopy(keys.iv, 0, nonce, 0, nonce.length);
            for (int i = 0; i < 8; i++) {
                nonce[nonce.length - 1 - i] ^= (byte) (pn >>> (8 * i));
            }
            aead.init(Cipher.DECRYPT_MODE, keys.key, new GCMParameterSpec(TAG * 8, nonce));
            aead.updateAAD(packet, 0, headerLength);
            return aead.doFinal(packet, headerLength, length - headerLength, plain, 0);
        } catch (GeneralSecurityException e) {
            return FAILED;
        }
    }

    /** For tests: the key material of the last packet's keys. */
    byte[] keyMaterial() {
        return keys.material();
    }

    /** For tests: derives the keys of {@code v} and the connection ID. */
    void selectKeys(QuicVersion v, byte[] cid, int cidLength) throws GeneralSecurityException {
        keys.select(v, cid, cidLength);
    }

    private void copy(ByteBuffer b, int from, int length) {
        if (b.hasArray()) {
            System.arraycopy(b.array(), b.arrayOffset() + from, packet, 0, length);
        } else {
            for (int i = 0; i < length; i++) {
                packet[i] = b.get(from + i);
            }
        }
    }
}

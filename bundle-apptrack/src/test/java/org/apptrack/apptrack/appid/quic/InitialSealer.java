package org.apptrack.apptrack.appid.quic;

import java.io.ByteArrayOutputStream;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Builds protected client Initial packets from a plaintext payload, the way a client does
 * (RFC 9001 5.3, 5.4), with the keys {@link InitialKeys} derives (checked against the RFCs'
 * examples in {@link InitialKeysTest}): for versions no capture has (v2) and for payloads a test
 * shapes or damages on purpose.
 */
final class InitialSealer {

    private InitialSealer() {
    }

    /** A CRYPTO frame. */
    static byte[] crypto(int offset, byte[] data, int from, int length) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0x06);
        varint(out, offset);
        varint(out, length);
        out.write(data, from, length);
        return out.toByteArray();
    }

    /** The frames, then PADDING up to {@code padTo} bytes of plaintext. */
    static byte[] payload(int padTo, byte[]... frames) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] f : frames) {
            out.write(f, 0, f.length);
        }
        while (out.size() < padTo) {
            out.write(0);
        }
        return out.toByteArray();
    }

    /** An Initial of {@code version} to {@code dcid}, packet number {@code pn}, protecting {@code plaintext}. */
    static byte[] seal(int version, byte[] dcid, long pn, byte[] plaintext) throws GeneralSecurityException {
        return seal(version, dcid, dcid, pn, plaintext);
    }

    /** As {@link #seal(int, byte[], long, byte[])}, with the keys of {@code keyDcid} (a session's first DCID). */
    static byte[] seal(int version, byte[] dcid, byte[] keyDcid, long pn, byte[] plaintext)
            throws GeneralSecurityException {
        QuicVersion v = QuicVersion.of(version);
        InitialPacketDecryptor d = new InitialPacketDecryptor();
        d.selectKeys(v, keyDcid, keyDcid.length);
        byte[] m = d.keyMaterial();
        byte[] key = Arrays.copyOfRange(m, 0, 16);
        byte[] iv = Arrays.copyOfRange(m, 16, 28);
        byte[] hp = Arrays.copyOfRange(m, 28, 44);
        ByteArrayOutputStream h = new ByteArrayOutputStream();
        h.write(0xc3 | v.initialType << 4); // 4-byte packet number
        h.write(version >>> 24);
        h.write(version >>> 16);
        h.write(version >>> 8);
        h.write(version);
        h.write(dcid.length);
        h.write(dcid, 0, dcid.length);
        h.write(4);
        h.write(new byte[] {1, 2, 3, 4}, 0, 4); // the client's own connection ID
        h.write(0); // no token
        int length = 4 + plaintext.length + 16;
        h.write(0x40 | length >> 8);
        h.write(length);
        int pnOffset = h.size();
        for (int i = 3; i >= 0; i--) {
            h.write((int) (pn >>> (8 * i)));
        }
        byte[] header = h.toByteArray();
        byte[] nonce = iv.clone();
        for (int i = 0; i < 8; i++) {
            nonce[11 - i] ^= (byte) (pn >>> (8 * i));
        }
        Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
        gcm.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, nonce));
        gcm.updateAAD(header);
        byte[] sealed = gcm.doFinal(plaintext);
        byte[] packet = new byte[header.length + sealed.length];
        System.arraycopy(header, 0, packet, 0, header.length);
        System.arraycopy(sealed, 0, packet, header.length, sealed.length);
        Cipher ecb = Cipher.getInstance("AES/ECB/NoPadding");
        ecb.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(hp, "AES"));
        byte[] mask = ecb.doFinal(packet, pnOffset + 4, 16);
        packet[0] ^= (byte) (mask[0] & 0x0f);
        for (int i = 0; i < 4; i++) {
            packet[pnOffset + i] ^= mask[1 + i];
        }
        return packet;
    }

    private static void varint(ByteArrayOutputStream out, long v) {
        if (v < 64) {
            out.write((int) v);
        } else if (v < 16384) {
            out.write(0x40 | (int) (v >> 8));
            out.write((int) v);
        } else {
            out.write(0x80 | (int) (v >> 24));
            out.write((int) (v >> 16));
            out.write((int) (v >> 8));
            out.write((int) v);
        }
    }
}

package org.apptrack.testsupport.packets;

import java.io.ByteArrayOutputStream;

/** Bytes in network order, written field by field: {@code Bytes.of().u16(0x0800).u8(0x45).build()}. */
public final class Bytes {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    private Bytes() {
    }

    public static Bytes of() {
        return new Bytes();
    }

    public Bytes u8(int v) {
        out.write(v & 0xff);
        return this;
    }

    public Bytes u16(int v) {
        return u8(v >>> 8).u8(v);
    }

    public Bytes u32(long v) {
        return u16((int) (v >>> 16)).u16((int) v);
    }

    public Bytes bytes(byte[] b) {
        out.write(b, 0, b.length);
        return this;
    }

    public Bytes zeros(int n) {
        for (int i = 0; i < n; i++) {
            u8(0);
        }
        return this;
    }

    public byte[] build() {
        return out.toByteArray();
    }
}

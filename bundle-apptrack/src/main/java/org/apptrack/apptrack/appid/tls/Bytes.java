package org.apptrack.apptrack.appid.tls;

import java.nio.ByteBuffer;

/** Big-endian reads at absolute indices (the buffer's position and limit are never touched). */
final class Bytes {

    private Bytes() {
    }

    static int u8(ByteBuffer b, int i) {
        return b.get(i) & 0xff;
    }

    static int u16(ByteBuffer b, int i) {
        return (b.get(i) & 0xff) << 8 | b.get(i + 1) & 0xff;
    }

    static int u24(ByteBuffer b, int i) {
        return (b.get(i) & 0xff) << 16 | (b.get(i + 1) & 0xff) << 8 | b.get(i + 2) & 0xff;
    }
}

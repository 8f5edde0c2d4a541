package org.apptrack.apptrack.appid.quic;

import java.nio.ByteBuffer;

/** Big-endian reads at absolute indices, whatever the buffer's byte order. */
final class NetworkOrder {

    private NetworkOrder() {
    }

    static int u16(ByteBuffer b, int i) {
        return (b.get(i) & 0xff) << 8 | b.get(i + 1) & 0xff;
    }

    static int u32(ByteBuffer b, int i) {
        return (b.get(i) & 0xff) << 24 | (b.get(i + 1) & 0xff) << 16 | (b.get(i + 2) & 0xff) << 8 | b.get(i + 3) & 0xff;
    }
}

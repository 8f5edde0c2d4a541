package org.apptrack.apptrack.appid.quic;

import java.nio.ByteBuffer;

/**
 * Google QUIC's client hello, the CHLO handshake message (QUIC Crypto, the gQUIC design
 * document): tag {@code CHLO}, a 16-bit little-endian entry count, two bytes of padding, then
 * for each entry a 4-byte tag and the little-endian 32-bit end offset of its value, then the
 * values. Reads the {@code SNI} and {@code UAID} tags into a {@link QuicHello}.
 */
final class ChloReader {

    static final int HEADER = 8;
    /** gQUIC's own limit on entries. */
    private static final int MAX_ENTRIES = 128;
    private static final int MAX_VALUES = 1 << 16;
    /** What {@link #length} returns when the bytes are not a CHLO's start. */
    static final int NOT_CHLO = -1;

    private static final int CHLO = tag('C', 'H', 'L', 'O');
    private static final int SNI = tag('S', 'N', 'I', 0);
    private static final int UAID = tag('U', 'A', 'I', 'D');

    private ChloReader() {
    }

    /**
     * The whole message's length once its header and entry table are among the
     * {@code available} bytes; 0 while they are not; {@link #NOT_CHLO}.
     */
    static int length(ByteBuffer b, int offset, int available) {
        if (available < 4) {
            return available > 0 && !prefixOfChlo(b, offset, available) ? NOT_CHLO : 0;
        }
        if (NetworkOrder.u32(b, offset) != CHLO) {
            return NOT_CHLO;
        }
        if (available < HEADER) {
            return 0;
        }
        int entries = u16le(b, offset + 4);
        if (entries == 0 || entries > MAX_ENTRIES) {
            return NOT_CHLO;
        }
        int table = HEADER + 8 * entries;
        if (available < table) {
            return 0;
        }
        int previous = 0;
        for (int i = 0; i < entries; i++) {
            long end = u32le(b, offset + HEADER + 8 * i + 4);
            if (end < previous || end > MAX_VALUES) {
                return NOT_CHLO;
            }
            previous = (int) end;
        }
        return table + previous;
    }

    /** Reads the CHLO at {@code offset}, all {@code length(...)} bytes of which are present. */
    static void read(ByteBuffer b, int offset, QuicHello out) {
        int entries = u16le(b, offset + 4);
        int values = offset + HEADER + 8 * entries;
        int start = 0;
        for (int i = 0; i < entries; i++) {
            int entry = offset + HEADER + 8 * i;
            int tag = NetworkOrder.u32(b, entry);
            int end = (int) u32le(b, entry + 4);
            if (tag == SNI && end > start) {
                out.hello().serverName().set(b, values + start, end - start);
            } else if (tag == UAID && end > start) {
                out.userAgent().set(b, values + start, end - start);
            }
            start = end;
        }
    }

    private static boolean prefixOfChlo(ByteBuffer b, int offset, int available) {
        for (int i = 0; i < available; i++) {
            if (b.get(offset + i) != (byte) (CHLO >>> (24 - 8 * i))) {
                return false;
            }
        }
        return true;
    }

    private static int tag(char a, char b, char c, int d) {
        return a << 24 | b << 16 | c << 8 | d;
    }

    private static int u16le(ByteBuffer b, int i) {
        return b.get(i) & 0xff | (b.get(i + 1) & 0xff) << 8;
    }

    private static long u32le(ByteBuffer b, int i) {
        return (b.get(i) & 0xffL) | (b.get(i + 1) & 0xffL) << 8 | (b.get(i + 2) & 0xffL) << 16
                | (b.get(i + 3) & 0xffL) << 24;
    }
}

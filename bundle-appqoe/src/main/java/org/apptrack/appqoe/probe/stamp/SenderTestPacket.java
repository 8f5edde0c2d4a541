package org.apptrack.appqoe.probe.stamp;

import io.netty.buffer.ByteBuf;

/**
 * Flyweight over an unauthenticated STAMP Session-Sender test packet (RFC 8762 4.2.1, Figure 2),
 * which is also a TWAMP-Light sender packet with 30 bytes of padding:
 * <pre>
 *  0  Sequence Number (4)
 *  4  Timestamp (8, NTP)
 * 12  Error Estimate (2)
 * 14  MBZ (30)
 * </pre>
 */
public final class SenderTestPacket extends StampTestPacket {

    static final int MBZ = 14;

    /** Writes a 44-byte sender packet at the writer index of {@code out}. */
    public static void write(ByteBuf out, long sequence, long ntpTimestamp, int errorEstimate) {
        write(out, sequence, ntpTimestamp, errorEstimate, 0);
    }

    /**
     * Writes a sender packet followed by {@code padding} zero bytes (RFC 8762 4.2.1 allows a
     * longer packet; the reflector answers with one of the same size).
     */
    public static void write(ByteBuf out, long sequence, long ntpTimestamp, int errorEstimate, int padding) {
        out.writeInt((int) sequence);
        out.writeLong(ntpTimestamp);
        out.writeShort(errorEstimate);
        out.writeZero(LENGTH - MBZ + padding);
    }
}

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
 * {@link #wrap} reads nothing and allocates nothing; it only checks the length, so that one
 * instance serves every packet of a channel.
 */
public final class SenderTestPacket {

    /** Length of the unauthenticated packet; longer packets carry padding the reflector keeps. */
    public static final int LENGTH = 44;
    static final int SEQUENCE = 0;
    static final int TIMESTAMP = 4;
    static final int ERROR_ESTIMATE = 12;
    static final int MBZ = 14;

    private ByteBuf buf;
    private int base;

    /** Points this view at the readable bytes of {@code packet}; false (and no view) when too short. */
    public boolean wrap(ByteBuf packet) {
        if (packet.readableBytes() < LENGTH) {
            buf = null;
            return false;
        }
        buf = packet;
        base = packet.readerIndex();
        return true;
    }

    /** Sequence number, unsigned. */
    public long sequence() {
        return buf.getUnsignedInt(base + SEQUENCE);
    }

    /** Transmit timestamp (NTP format). */
    public long timestamp() {
        return buf.getLong(base + TIMESTAMP);
    }

    /** Error estimate field (RFC 4656 4.1.2: S, Z, scale, multiplier). */
    public int errorEstimate() {
        return buf.getUnsignedShort(base + ERROR_ESTIMATE);
    }

    /** Writes a 44-byte sender packet at the writer index of {@code out}. */
    public static void write(ByteBuf out, long sequence, long ntpTimestamp, int errorEstimate) {
        out.writeInt((int) sequence);
        out.writeLong(ntpTimestamp);
        out.writeShort(errorEstimate);
        out.writeZero(LENGTH - MBZ);
    }
}

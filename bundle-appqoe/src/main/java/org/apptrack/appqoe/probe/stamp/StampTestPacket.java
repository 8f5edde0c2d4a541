package org.apptrack.appqoe.probe.stamp;

import io.netty.buffer.ByteBuf;

/**
 * What both STAMP test packets begin with (RFC 8762 figures 2 and 4: sequence number, timestamp,
 * error estimate at the same offsets) and the view over a received one: {@link #wrap} reads
 * nothing and allocates nothing, it only checks the length, so one instance serves every packet
 * of a channel.
 */
abstract class StampTestPacket {

    /** Length of the unauthenticated packets; longer ones carry padding the reflector keeps. */
    public static final int LENGTH = 44;
    static final int SEQUENCE = 0;
    static final int TIMESTAMP = 4;
    static final int ERROR_ESTIMATE = 12;

    ByteBuf buf;
    int base;

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
}

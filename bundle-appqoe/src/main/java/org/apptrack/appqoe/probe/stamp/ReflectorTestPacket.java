package org.apptrack.appqoe.probe.stamp;

import io.netty.buffer.ByteBuf;

/**
 * Flyweight over an unauthenticated STAMP Session-Reflector test packet (RFC 8762 4.3.1,
 * Figure 4), the same layout as TWAMP-Light's reflected packet (RFC 5357 4.2.1):
 * <pre>
 *  0  Sequence Number (4)
 *  4  Timestamp (8, NTP)               t3, when the reflector sent the reply
 * 12  Error Estimate (2)
 * 14  MBZ (2)
 * 16  Receive Timestamp (8, NTP)       t2, when the reflector received the sender packet
 * 24  Session-Sender Sequence Number (4)
 * 28  Session-Sender Timestamp (8)     t1, copied from the sender packet
 * 36  Session-Sender Error Estimate (2)
 * 38  MBZ (2)
 * 40  Ses-Sender TTL (1)
 * 41  MBZ (3)
 * </pre>
 */
public final class ReflectorTestPacket extends StampTestPacket {

    static final int RECEIVE_TIMESTAMP = 16;
    static final int SENDER_SEQUENCE = 24;
    static final int SENDER_TIMESTAMP = 28;
    static final int SENDER_ERROR_ESTIMATE = 36;
    static final int SENDER_TTL = 40;

    /** Receive timestamp of the sender packet at the reflector (t2, NTP). */
    public long receiveTimestamp() {
        return buf.getLong(base + RECEIVE_TIMESTAMP);
    }

    /** The sender packet's sequence number, unsigned. */
    public long senderSequence() {
        return buf.getUnsignedInt(base + SENDER_SEQUENCE);
    }

    /** The sender packet's transmit timestamp (t1, NTP). */
    public long senderTimestamp() {
        return buf.getLong(base + SENDER_TIMESTAMP);
    }

    public int senderErrorEstimate() {
        return buf.getUnsignedShort(base + SENDER_ERROR_ESTIMATE);
    }

    public int senderTtl() {
        return buf.getUnsignedByte(base + SENDER_TTL);
    }

    /**
     * Writes the 44 reflector bytes over the first 44 bytes at {@code offset} of {@code out}
     * (absolute, indexes unchanged): the reflector turns a received sender packet into its reply
     * in place, keeping any padding after byte 44 so that the reply has the sender packet's size.
     */
    public static void set(ByteBuf out, int offset, long sequence, long ntpTimestamp, int errorEstimate,
                           long receiveTimestamp, long senderSequence, long senderTimestamp,
                           int senderErrorEstimate, int senderTtl) {
        out.setInt(offset + SEQUENCE, (int) sequence);
        out.setLong(offset + TIMESTAMP, ntpTimestamp);
        out.setShort(offset + ERROR_ESTIMATE, errorEstimate);
        out.setShort(offset + ERROR_ESTIMATE + 2, 0);
        out.setLong(offset + RECEIVE_TIMESTAMP, receiveTimestamp);
        out.setInt(offset + SENDER_SEQUENCE, (int) senderSequence);
        out.setLong(offset + SENDER_TIMESTAMP, senderTimestamp);
        out.setShort(offset + SENDER_ERROR_ESTIMATE, senderErrorEstimate);
        out.setShort(offset + SENDER_ERROR_ESTIMATE + 2, 0);
        out.setByte(offset + SENDER_TTL, senderTtl);
        out.setMedium(offset + SENDER_TTL + 1, 0);
    }
}

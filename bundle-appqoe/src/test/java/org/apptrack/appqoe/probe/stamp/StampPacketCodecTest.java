package org.apptrack.appqoe.probe.stamp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;

class StampPacketCodecTest {

    @Test
    void senderPacketRoundTripsAndIsFortyFourBytesWithZeroMbz() {
        ByteBuf buf = Unpooled.buffer();
        SenderTestPacket.write(buf, 0xFFFF_FFFEL, 0x0123_4567_89AB_CDEFL, 0x8A05);
        assertEquals(44, buf.readableBytes());
        SenderTestPacket view = new SenderTestPacket();
        assertTrue(view.wrap(buf));
        assertEquals(0xFFFF_FFFEL, view.sequence());
        assertEquals(0x0123_4567_89AB_CDEFL, view.timestamp());
        assertEquals(0x8A05, view.errorEstimate());
        for (int i = 14; i < 44; i++) {
            assertEquals(0, buf.getByte(i), "MBZ byte " + i);
        }
    }

    @Test
    void senderPacketFieldsSitAtTheOffsetsOfRfc8762Figure2() {
        ByteBuf buf = Unpooled.buffer();
        SenderTestPacket.write(buf, 0x01020304L, 0x1112131415161718L, 0x2122);
        assertEquals(0x01020304, buf.getInt(0));
        assertEquals(0x1112131415161718L, buf.getLong(4));
        assertEquals(0x2122, buf.getUnsignedShort(12));
    }

    @Test
    void viewsReadFromTheReaderIndex() {
        ByteBuf buf = Unpooled.buffer();
        buf.writeBytes(new byte[7]);
        SenderTestPacket.write(buf, 99, 1234, 1);
        buf.readerIndex(7);
        SenderTestPacket view = new SenderTestPacket();
        assertTrue(view.wrap(buf));
        assertEquals(99, view.sequence());
        assertEquals(1234, view.timestamp());
    }

    @Test
    void shortPacketsAreRejectedWithoutException() {
        SenderTestPacket sender = new SenderTestPacket();
        ReflectorTestPacket reflector = new ReflectorTestPacket();
        for (int length : new int[] {0, 1, 14, 43}) {
            ByteBuf buf = Unpooled.wrappedBuffer(new byte[length]);
            assertFalse(sender.wrap(buf), "sender packet of " + length);
            assertFalse(reflector.wrap(buf), "reflector packet of " + length);
        }
        ByteBuf truncated = Unpooled.wrappedBuffer(new byte[50]);
        truncated.readerIndex(10);
        assertFalse(sender.wrap(truncated), "40 readable bytes");
        assertThrows(NullPointerException.class, sender::sequence, "no view after a failed wrap");
    }

    @Test
    void reflectorPacketRoundTrips() {
        ByteBuf buf = Unpooled.buffer(44).writeZero(44);
        ReflectorTestPacket.set(buf, 0, 0xFFFF_FFFFL, 3L, 0x0116, 2L, 0x8000_0001L, 1L, 0x0217, 64);
        ReflectorTestPacket view = new ReflectorTestPacket();
        assertTrue(view.wrap(buf));
        assertEquals(0xFFFF_FFFFL, view.sequence());
        assertEquals(3L, view.timestamp());
        assertEquals(0x0116, view.errorEstimate());
        assertEquals(2L, view.receiveTimestamp());
        assertEquals(0x8000_0001L, view.senderSequence());
        assertEquals(1L, view.senderTimestamp());
        assertEquals(0x0217, view.senderErrorEstimate());
        assertEquals(64, view.senderTtl());
    }

    @Test
    void reflectorPacketOverwritesSenderBytesAndKeepsPadding() {
        ByteBuf buf = Unpooled.buffer(60);
        for (int i = 0; i < 60; i++) {
            buf.writeByte(0xEE);
        }
        ReflectorTestPacket.set(buf, 0, 1, 2, 3, 4, 5, 6, 7, 8);
        // MBZ fields of Figure 4 are zeroed even when the sender's bytes were not.
        assertEquals(0, buf.getShort(14));
        assertEquals(0, buf.getShort(38));
        assertEquals(0, buf.getMedium(41));
        for (int i = 44; i < 60; i++) {
            assertEquals((byte) 0xEE, buf.getByte(i), "padding byte " + i);
        }
    }

    @Test
    void errorEstimateEncodesSScaleAndMultiplier() {
        assertEquals(0x8A05, ErrorEstimate.of(true, 10, 5));
        assertTrue(ErrorEstimate.isSynchronised(0x8A05));
        assertFalse(ErrorEstimate.isSynchronised(ErrorEstimate.UNSYNCHRONISED_MILLISECOND));
        assertEquals(0x1601, ErrorEstimate.UNSYNCHRONISED_MILLISECOND);
        assertThrows(IllegalArgumentException.class, () -> ErrorEstimate.of(false, 1, 0));
        assertThrows(IllegalArgumentException.class, () -> ErrorEstimate.of(false, 64, 1));
    }
}

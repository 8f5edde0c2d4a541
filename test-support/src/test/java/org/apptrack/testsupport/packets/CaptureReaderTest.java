package org.apptrack.testsupport.packets;

import static org.apptrack.testsupport.packets.Packets.A;
import static org.apptrack.testsupport.packets.Packets.B;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.ByteOrder;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Frames written by {@link CaptureFile} in each format and byte order come back as written. */
class CaptureReaderTest {

    private final byte[] first = Frames.udp(A, 1000, B, 53, 20);
    private final byte[] second = Frames.tcp(B, 443, A, 40000, Packets.ACK, 100);

    @Test
    void classicPcapInBothByteOrders() throws IOException {
        for (ByteOrder order : new ByteOrder[] {ByteOrder.LITTLE_ENDIAN, ByteOrder.BIG_ENDIAN}) {
            for (boolean nano : new boolean[] {false, true}) {
                byte[] file = CaptureFile.pcap(order, nano, 65535, 101).record(1, 2, first, first.length)
                        .record(3, 4, second, second.length).bytes();
                List<CaptureReader.Frame> frames = CaptureReader.read(file, "test");
                assertEquals(2, frames.size(), order + " nano=" + nano);
                assertEquals(101, frames.get(0).linkType());
                assertArrayEquals(first, frames.get(0).data());
                assertArrayEquals(second, frames.get(1).data());
            }
        }
    }

    @Test
    void pcapngWithSeveralInterfacesAndBlockKinds() throws IOException {
        for (ByteOrder order : new ByteOrder[] {ByteOrder.LITTLE_ENDIAN, ByteOrder.BIG_ENDIAN}) {
            byte[] file = CaptureFile.pcapng(order)
                    .interfaceDescription(1, 65535, "eth0", null, null)
                    .interfaceDescription(113, 65535, "any", 9, null)
                    .enhancedPacket(1, 10, first, first.length)
                    .nameResolution()
                    .customBlock(new byte[] {1, 2, 3})
                    .enhancedPacket(0, 11, second, second.length)
                    .simplePacket(first, first.length)
                    .bytes();
            List<CaptureReader.Frame> frames = CaptureReader.read(file, "test");
            assertEquals(3, frames.size(), order.toString());
            assertEquals(113, frames.get(0).linkType());
            assertArrayEquals(first, frames.get(0).data());
            assertEquals(1, frames.get(1).linkType());
            assertArrayEquals(second, frames.get(1).data());
            assertEquals(1, frames.get(2).linkType(), "a Simple Packet Block belongs to the first interface");
            assertArrayEquals(first, frames.get(2).data());
        }
    }

    @Test
    void aTruncatedLastRecordIsLeftOut() throws IOException {
        byte[] file = CaptureFile.pcap(ByteOrder.LITTLE_ENDIAN, false, 65535, 1).record(1, 2, first, first.length)
                .record(3, 4, second, second.length + 50, second.length).bytes();
        assertEquals(1, CaptureReader.read(file, "test").size());
    }

    @Test
    void somethingElseIsRefused() {
        assertThrows(IOException.class, () -> CaptureReader.read(new byte[64], "zeros"));
        assertThrows(IOException.class, () -> CaptureReader.read(new byte[3], "short"));
    }
}

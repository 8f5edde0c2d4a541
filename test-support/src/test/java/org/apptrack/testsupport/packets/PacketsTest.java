package org.apptrack.testsupport.packets;

import static org.apptrack.testsupport.packets.Packets.A;
import static org.apptrack.testsupport.packets.Packets.B;
import static org.apptrack.testsupport.packets.Packets.SYN;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;

/** The lengths and fields the builders compute, read back as a decoder would. */
class PacketsTest {

    @Test
    void aUdpFrameHasConsistentLengthsAndAddresses() {
        ByteBuffer f = ByteBuffer.wrap(Frames.udp(A, 40000, B, 53, 10));
        assertEquals(14 + 20 + 8 + 10, f.capacity());
        assertEquals(0x0800, f.getShort(12) & 0xffff);
        assertEquals(0x45, f.get(14));
        assertEquals(20 + 8 + 10, f.getShort(16) & 0xffff, "IPv4 total length");
        assertEquals(17, f.get(23));
        assertEquals(A, f.getInt(26));
        assertEquals(B, f.getInt(30));
        assertEquals(40000, f.getShort(34) & 0xffff);
        assertEquals(53, f.getShort(36) & 0xffff);
        assertEquals(8 + 10, f.getShort(38) & 0xffff, "UDP length");
    }

    @Test
    void theIpv4ChecksumVerifies() {
        byte[] ip = Packets.withIpv4Checksum(Packets.ipv4(Packets.TCP, "192.0.2.1", "198.51.100.7",
                Packets.tcp(1, 2, SYN, new byte[0])));
        int sum = 0;
        for (int i = 0; i < 20; i += 2) {
            sum += ((ip[i] & 0xff) << 8) | (ip[i + 1] & 0xff);
        }
        while (sum > 0xffff) {
            sum = (sum & 0xffff) + (sum >>> 16);
        }
        assertEquals(0xffff, sum);
    }

    @Test
    void aVlanTagGoesAfterTheAddresses() {
        byte[] frame = Frames.tcp(A, 1, B, 2, SYN);
        ByteBuffer t = ByteBuffer.wrap(Packets.vlanTagged(frame, 20));
        assertEquals(frame.length + 4, t.capacity());
        assertEquals(0x8100, t.getShort(12) & 0xffff);
        assertEquals(20, t.getShort(14) & 0xffff);
        assertEquals(0x0800, t.getShort(16) & 0xffff);
    }

    @Test
    void aPcapRecordFollowsTheFileHeader() {
        byte[] frame = Frames.udp(A, 1, B, 2, 0);
        ByteBuffer p = ByteBuffer.wrap(CaptureFile.pcap(ByteOrder.LITTLE_ENDIAN, false, 65535, 1)
                .record(1_700_000_000L, 123_456, frame, frame.length).bytes()).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals(0xa1b2c3d4, p.getInt(0));
        assertEquals(1, p.getInt(20), "link type");
        assertEquals(1_700_000_000, p.getInt(24));
        assertEquals(123_456, p.getInt(28));
        assertEquals(frame.length, p.getInt(32));
        byte[] data = new byte[frame.length];
        p.position(40);
        p.get(data);
        assertArrayEquals(frame, data);
    }
}

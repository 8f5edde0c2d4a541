package org.apptrack.capture.file;

import static org.apptrack.capture.file.CaptureSamples.ethernetIpv4;
import static org.apptrack.capture.file.CaptureSamples.ndpi;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apptrack.testsupport.packets.CaptureFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files that are not captures, truncated, corrupt, or with tiny snap lengths. */
class CaptureFileReaderBadInputTest {

    @TempDir
    Path dir;

    private Path write(String name, byte[] bytes) throws Exception {
        Path p = dir.resolve(name);
        Files.write(p, bytes);
        return p;
    }

    private static CaptureFormatException openFails(Path file) {
        CaptureFormatException e = assertThrows(CaptureFormatException.class, () -> CaptureFileReader.open(file).close());
        assertTrue(e.getMessage().startsWith(file.toString() + ": "), e.getMessage());
        return e;
    }

    private static CaptureFormatException readFails(Path file) throws Exception {
        try (CaptureFileReader reader = CaptureFileReader.open(file)) {
            CaptureFormatException e = assertThrows(CaptureFormatException.class, () -> reader.readAll((i, t, f, w) -> { }));
            assertTrue(e.getMessage().startsWith(file.toString() + ": corrupt "), e.getMessage());
            assertTrue(e.getMessage().contains("at byte offset " + e.offset() + ": "), e.getMessage());
            return e;
        }
    }

    @Test
    void emptyFile() throws Exception {
        Path p = write("empty.pcap", new byte[0]);
        assertEquals(p + ": not a pcap or pcapng file (empty file)", openFails(p).getMessage());
        Path three = write("three.pcap", new byte[] {(byte) 0xd4, (byte) 0xc3, (byte) 0xb2});
        assertEquals(three + ": not a pcap or pcapng file (only 3 bytes)", openFails(three).getMessage());
    }

    @Test
    void randomBytes() throws Exception {
        byte[] bytes = new byte[4096];
        new Random(42).nextBytes(bytes);
        bytes[0] = 0x12;
        bytes[1] = 0x34;
        bytes[2] = 0x56;
        bytes[3] = 0x78;
        Path p = write("random.pcap", bytes);
        assertEquals(p + ": not a pcap or pcapng file (magic 0x12345678)", openFails(p).getMessage());
        Path text = write("notes.pcap", "hello, this is text\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        assertEquals(text + ": not a pcap or pcapng file (magic 0x68656c6c)", openFails(text).getMessage());
    }

    @Test
    void truncatedPcapHeader() throws Exception {
        byte[] header = CaptureFile.pcap(ByteOrder.LITTLE_ENDIAN, false, 65535, 1).bytes();
        Path p = write("header.pcap", Arrays.copyOf(header, 10));
        assertEquals(p + ": pcap file header truncated (10 of 24 bytes)", openFails(p).getMessage());
    }

    /** What a killed tcpdump leaves: the last record cut in its data or in its header. */
    @Test
    void truncatedLastPcapRecord() throws Exception {
        Path original = ndpi("KakaoTalk_chat.pcap");
        byte[] bytes = Files.readAllBytes(original);
        List<Reference.OurFrame> all = Reference.read(original).frames;
        int lastRecord = 16 + all.get(all.size() - 1).length - 14 + 16; // SLL: delivered length - 14 + 16
        for (int cut : new int[] {10, 1, lastRecord - 7, lastRecord - 15}) {
            // 10 and 1 bytes short: the data is cut; then only 7 or 15 bytes of the record header are left
            Path p = write("cut" + cut + ".pcap", Arrays.copyOf(bytes, bytes.length - cut));
            try (CaptureFileReader reader = CaptureFileReader.open(p)) {
                long n = reader.readAll((i, t, f, w) -> { });
                assertEquals(all.size() - 1, n, "cut " + cut);
                assertEquals(1, reader.truncatedRecords());
                assertEquals(0, reader.skippedFrames());
                assertEquals(reader.fileSize(), reader.bytesRead());
                assertFalse(reader.next((i, t, f, w) -> { }));
                assertEquals(1, reader.truncatedRecords());
            }
        }
        if (Reference.tsharkAvailable()) {
            // tshark agrees on the frames before the cut (and exits with an error)
            Path p = dir.resolve("cut10.pcap");
            Path fixed = dir.resolve("cut10-fixed.pcap");
            Reference.run("editcap", "-r", original.toString(), fixed.toString(), "1-" + (all.size() - 1));
            Reference.Ours ours = Reference.read(p);
            assertEquals(1, ours.truncated);
            Reference.assertMatches(p, ours, Reference.tshark(fixed), true);
        }
    }

    @Test
    void truncatedLastPcapngBlock() throws Exception {
        Path original = ndpi("doq.pcapng");
        byte[] bytes = Files.readAllBytes(original);
        int frames = Reference.read(original).frames.size();
        // the file ends with EPBs: cut inside the last one's data, its trailer, and its header
        for (int cut : new int[] {2, 30, lastBlockLength(bytes) - 6}) {
            Path p = write("cut" + cut + ".pcapng", Arrays.copyOf(bytes, bytes.length - cut));
            try (CaptureFileReader reader = CaptureFileReader.open(p)) {
                assertEquals(frames - 1, reader.readAll((i, t, f, w) -> { }), "cut " + cut);
                assertEquals(1, reader.truncatedRecords());
                assertEquals(reader.fileSize(), reader.bytesRead());
            }
        }
    }

    private static int lastBlockLength(byte[] pcapngLittleEndian) {
        return ByteBuffer.wrap(pcapngLittleEndian).order(ByteOrder.LITTLE_ENDIAN).getInt(pcapngLittleEndian.length - 4);
    }

    /** Offsets of the blocks of a little-endian pcapng file. */
    private static int[] blockOffsets(byte[] bytes) {
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        int[] offsets = new int[0];
        for (int p = 0; p < bytes.length; p += b.getInt(p + 4)) {
            offsets = Arrays.copyOf(offsets, offsets.length + 1);
            offsets[offsets.length - 1] = p;
        }
        return offsets;
    }

    @Test
    void corruptPcapngBlockLength() throws Exception {
        byte[] bytes = Files.readAllBytes(ndpi("doq.pcapng"));
        int[] blocks = blockOffsets(bytes);
        int victim = blocks[6]; // an EPB in the middle: five frames come before it
        int length = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).getInt(victim + 4);
        int[] badLengths = {length + 4, length - 4, 126, 8, 0xfffffff0, 64 * 1024 * 1024};
        String[] expected = {"does not match its trailing copy", "does not match its trailing copy",
            "is not a multiple of 4", "is shorter than 12 bytes", "exceeds the 16777216 byte limit",
            "exceeds the 16777216 byte limit"};
        for (int k = 0; k < badLengths.length; k++) {
            byte[] copy = bytes.clone();
            ByteBuffer.wrap(copy).order(ByteOrder.LITTLE_ENDIAN).putInt(victim + 4, badLengths[k]);
            Path p = write("corrupt" + k + ".pcapng", copy);
            CaptureFormatException e = readFails(p);
            assertEquals(victim, e.offset());
            assertTrue(e.getMessage().contains("block total length " + Integer.toUnsignedString(badLengths[k]) + " "),
                    e.getMessage());
            assertTrue(e.getMessage().contains(expected[k]), e.getMessage());
        }
    }

    @Test
    void pcapngPacketOfUnknownInterface() throws Exception {
        Path p = write("iface.pcapng", CaptureFile.pcapng(ByteOrder.LITTLE_ENDIAN)
                .interfaceDescription(1, 65535, "eth0", null, null)
                .enhancedPacket(0, 1, ethernetIpv4(1, 60), 60)
                .enhancedPacket(2, 2, ethernetIpv4(2, 60), 60).bytes());
        assertTrue(readFails(p).getMessage().contains("packet of interface 2 but the section has 1 interface(s)"));
        Path spb = write("spb.pcapng", CaptureFile.pcapng(ByteOrder.BIG_ENDIAN)
                .simplePacket(ethernetIpv4(1, 60), 60).bytes());
        assertTrue(readFails(spb).getMessage().contains("Simple Packet Block in a section without Interface"));
    }

    @Test
    void absurdPcapCapturedLength() throws Exception {
        byte[] frame = ethernetIpv4(1, 60);
        for (int caplen : new int[] {0xffffffff, 256 * 1024 + 1}) {
            byte[] bytes = CaptureFile.pcap(ByteOrder.LITTLE_ENDIAN, false, 65535, 1)
                    .record(1_700_000_000L, 1, frame, 60)
                    .record(1_700_000_001L, 2, frame, caplen, 60)
                    .record(1_700_000_002L, 3, frame, 60).bytes();
            Path p = write("caplen" + Integer.toHexString(caplen) + ".pcap", bytes);
            try (CaptureFileReader reader = CaptureFileReader.open(p)) {
                assertTrue(reader.next((i, t, f, w) -> { }));
                CaptureFormatException e = assertThrows(CaptureFormatException.class, () -> reader.next((i, t, f, w) -> { }));
                assertEquals(24 + 16 + 60, e.offset());
                assertEquals(p + ": corrupt pcap file at byte offset 100: captured length "
                        + Integer.toUnsignedString(caplen) + " exceeds the 262144 byte maximum", e.getMessage());
                assertEquals(1, reader.framesDelivered());
            }
        }
    }

    @Test
    void capturedLengthAboveSnapLengthIsAllowed() throws Exception {
        byte[] frame = ethernetIpv4(1, 1000);
        Path p = write("oversnap.pcap", CaptureFile.pcap(ByteOrder.BIG_ENDIAN, true, 100, 1)
                .record(1_700_000_000L, 5, frame, 1000).bytes());
        try (CaptureFileReader reader = CaptureFileReader.open(p)) {
            int[] length = new int[1];
            long[] ts = new long[1];
            assertTrue(reader.next((i, t, f, w) -> {
                length[0] = f.remaining();
                ts[0] = t;
            }));
            assertEquals(1000, length[0]);
            assertEquals(1_700_000_000_000_000_005L, ts[0]);
        }
        // and through the framer (SLL: copied), beyond the framer's initial size
        byte[] sll = new byte[1016];
        sll[14] = 0x08;
        sll[16] = 0x45;
        Path q = write("oversnap-sll.pcap", CaptureFile.pcap(ByteOrder.LITTLE_ENDIAN, false, 100, 113)
                .record(1, 0, sll, 1016).bytes());
        try (CaptureFileReader reader = CaptureFileReader.open(q)) {
            int[] length = new int[2];
            assertTrue(reader.next((i, t, f, w) -> {
                length[0] = f.remaining();
                length[1] = w;
            }));
            assertEquals(1014, length[0]);
            assertEquals(1014, length[1]);
        }
    }

    @Test
    void tinySnapLength() throws Exception {
        Path p = dir.resolve("snap40.pcap");
        Reference.assumeTshark();
        Reference.run("editcap", "-F", "pcap", "-s", "40", ndpi("smtp-starttls.pcap").toString(), p.toString());
        try (CaptureFileReader reader = CaptureFileReader.open(p)) {
            assertEquals(p + ": interface pcap snap length 40 is shorter than Ethernet+IPv4+TCP headers (54): "
                    + "frames are truncated", reader.snapLengthWarning());
        }
        Reference.Ours ours = Reference.assertMatchesTshark(p, true);
        assertTrue(ours.frames.stream().allMatch(f -> f.length <= 40));

        // editcap keeps the IDB's snap length when it cuts frames for pcapng: made by hand
        Path ng = write("snap40.pcapng", CaptureFile.pcapng(ByteOrder.BIG_ENDIAN)
                .interfaceDescription(1, 40, "eth0", null, null)
                .interfaceDescription(1, 0, "eth1", null, null)
                .enhancedPacket(0, 1, Arrays.copyOf(ethernetIpv4(1, 60), 40), 60).bytes());
        try (CaptureFileReader reader = CaptureFileReader.open(ng)) {
            assertEquals(ng + ": interface eth0 snap length 40 is shorter than Ethernet+IPv4+TCP headers (54): "
                    + "frames are truncated", reader.snapLengthWarning());
            assertEquals(1, reader.readAll((i, t, f, w) -> assertEquals(40, f.remaining())));
        }
        Reference.assertMatchesTshark(ng, true);
        try (CaptureFileReader reader = CaptureFileReader.open(ndpi("KakaoTalk_chat.pcap"))) {
            assertNull(reader.snapLengthWarning());
        }
    }

    @Test
    void framesShorterThanTheLinkHeaderAreCounted() throws Exception {
        Reference.assumeTshark();
        Path eth = dir.resolve("snap10.pcap");
        Reference.run("editcap", "-F", "pcap", "-s", "10", ndpi("smtp-starttls.pcap").toString(), eth.toString());
        try (CaptureFileReader reader = CaptureFileReader.open(eth)) {
            assertEquals(0, reader.readAll((i, t, f, w) -> { }));
            assertEquals(69, reader.skippedFrames());
            assertEquals(Map.of(CaptureFileReader.CAUSE_SHORT, 69L), reader.skippedByCause());
            assertEquals(Reference.capinfosCount(eth), reader.skippedFrames());
        }
        // SLL: 16-byte header; 15 bytes are too short
        Path sll = dir.resolve("snap15.pcap");
        Reference.run("editcap", "-F", "pcap", "-s", "15", ndpi("KakaoTalk_chat.pcap").toString(), sll.toString());
        try (CaptureFileReader reader = CaptureFileReader.open(sll)) {
            assertEquals(0, reader.readAll((i, t, f, w) -> { }));
            assertEquals(Map.of("shorter than the link-layer header", 347L), reader.skippedByCause());
        }
    }

    @Test
    void unsupportedPcapVersionAndByteOrderMagic() throws Exception {
        byte[] pcap = CaptureFile.pcap(ByteOrder.LITTLE_ENDIAN, false, 65535, 1).bytes();
        pcap[4] = 3;
        Path p = write("v3.pcap", pcap);
        assertEquals(p + ": unsupported pcap version 3.4", openFails(p).getMessage());
        byte[] ng = CaptureFile.pcapng(ByteOrder.LITTLE_ENDIAN).bytes();
        ng[8] = 0x11;
        Path q = write("bom.pcapng", ng);
        assertTrue(openFails(q).getMessage().contains("at byte offset 0: Section Header Block with a bad byte-order magic"));
    }

    @Test
    void closedReaderRefuses() throws Exception {
        Path p = write("one.pcap", CaptureFile.pcap(ByteOrder.LITTLE_ENDIAN, false, 65535, 1)
                .record(1, 0, ethernetIpv4(1, 60), 60).bytes());
        CaptureFileReader reader = CaptureFileReader.open(p);
        reader.close();
        reader.close();
        assertThrows(IllegalStateException.class, () -> reader.next((i, t, f, w) -> { }));
    }
}

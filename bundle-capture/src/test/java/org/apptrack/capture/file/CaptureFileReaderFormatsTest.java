package org.apptrack.capture.file;

import static org.apptrack.capture.file.CaptureSamples.ethernetIpv4;
import static org.apptrack.capture.file.CaptureSamples.ndpi;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apptrack.capture.frame.LinkType;
import org.apptrack.testsupport.packets.ByteSwapper;
import org.apptrack.testsupport.packets.CaptureFile;
import org.apptrack.testsupport.prereq.Host;
import org.apptrack.testsupport.prereq.Prerequisites;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Variants made with the Wireshark tools (editcap, mergecap), tcpdump, or byte by byte where no
 * tool writes them, each compared with tshark: nanosecond pcap, big-endian pcap and pcapng,
 * several interfaces and sections, SLL2, NULL, LOOP, raw IP, timestamp resolutions and offsets,
 * Simple Packet Blocks and blocks to skip.
 */
class CaptureFileReaderFormatsTest {

    @TempDir
    Path dir;

    private static Path resource(String name) throws Exception {
        return Path.of(CaptureFileReaderFormatsTest.class.getResource(name).toURI());
    }

    private static int magic(Path file) throws IOException {
        byte[] b = Files.readAllBytes(file);
        return ((b[0] & 0xff) << 24) | ((b[1] & 0xff) << 16) | ((b[2] & 0xff) << 8) | (b[3] & 0xff);
    }

    @Test
    void nanosecondPcapFromEditcap() throws Exception {
        Reference.assumeTshark();
        // doq.pcapng has if_tsresol 10^-9: real nanosecond digits
        Path out = dir.resolve("doq-nsec.pcap");
        Reference.run("editcap", "-F", "nsecpcap", ndpi("doq.pcapng").toString(), out.toString());
        assertEquals(0x4d3cb2a1, magic(out));
        Reference.Ours ours = Reference.assertMatchesTshark(out, true);
        assertEquals(1_000_000_000L, ours.interfaces.get(0).timestampUnitsPerSecond());
        assertTrue(ours.frames.stream().anyMatch(f -> f.timestamp % 1000 != 0), "sub-microsecond digits");
        assertEquals(timestamps(Reference.read(ndpi("doq.pcapng"))), timestamps(ours));
    }

    @Test
    void nanosecondPcapFromTcpdump() throws Exception {
        Reference.assumeTshark();
        Prerequisites.require("tcpdump", Host.commandRuns("tcpdump", "--version"));
        Path out = dir.resolve("quic33-nsec.pcap");
        Reference.run("tcpdump", "-r", ndpi("quic-33.pcapng").toString(), "--time-stamp-precision=nano", "-w", out.toString());
        assertEquals(0x4d3cb2a1, magic(out));
        Reference.Ours ours = Reference.assertMatchesTshark(out, true);
        assertTrue(ours.frames.stream().anyMatch(f -> f.timestamp % 1000 != 0), "sub-microsecond digits");
    }

    @Test
    void mergecapTwoLinkTypesGivesTwoInterfaces() throws Exception {
        Reference.assumeTshark();
        Path out = dir.resolve("merged.pcapng");
        Reference.run("mergecap", "-w", out.toString(), ndpi("KakaoTalk_chat.pcap").toString(), ndpi("ssdp-m-search.pcap").toString());
        Reference.Ours ours = Reference.assertMatchesTshark(out, true);
        assertEquals(2, ours.interfaces.size());
        assertEquals(List.of(LinkType.LINUX_SLL, LinkType.ETHERNET),
                List.of(ours.interfaces.get(0).linkType(), ours.interfaces.get(1).linkType()));
        assertEquals(347, ours.frames.stream().filter(f -> f.interfaceIndex == 0).count());
        assertEquals(19, ours.frames.stream().filter(f -> f.interfaceIndex == 1).count());
    }

    @Test
    void severalSectionsNumberInterfacesAcrossTheFile() throws Exception {
        Reference.assumeTshark();
        Path out = dir.resolve("two-sections.pcapng");
        byte[] a = Files.readAllBytes(ndpi("dns-google-nsid.pcapng"));
        byte[] b = Files.readAllBytes(ndpi("http2.pcapng"));
        byte[] both = new byte[a.length + b.length];
        System.arraycopy(a, 0, both, 0, a.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        Files.write(out, both);
        Reference.Ours ours = Reference.read(out);
        List<Reference.RefFrame> ref = Reference.tshark(out);
        // tshark 4.0 prints the section-local interface id; ours counts over the file
        Reference.assertMatches(out, ours, ref, false);
        assertEquals(4, ours.interfaces.size());
        assertEquals(LinkType.LINUX_SLL, ours.interfaces.get(3).linkType());
        for (int k = 0; k < ref.size(); k++) {
            int local = Integer.parseInt(ref.get(k).interfaceId);
            assertEquals(k < 14 ? local : 3 + local, ours.frames.get(k).interfaceIndex, "frame " + (k + 1));
        }
    }

    @Test
    void bigEndianPcap() throws Exception {
        Reference.assumeTshark();
        for (String name : new String[] {"KakaoTalk_chat.pcap", "openvpn-tlscrypt.pcap", "ocs.pcap"}) {
            Path out = dir.resolve("be-" + name);
            ByteSwapper.swapPcap(ndpi(name), out);
            assertEquals(0xa1b2c3d4, magic(out));
            Reference.Ours ours = Reference.assertMatchesTshark(out, true);
            assertSameFrames(Reference.read(ndpi(name)), ours);
        }
        Path nsec = dir.resolve("doq-nsec.pcap");
        Reference.run("editcap", "-F", "nsecpcap", ndpi("doq.pcapng").toString(), nsec.toString());
        Path out = dir.resolve("be-doq-nsec.pcap");
        ByteSwapper.swapPcap(nsec, out);
        assertEquals(0xa1b23c4d, magic(out));
        assertSameFrames(Reference.read(nsec), Reference.assertMatchesTshark(out, true));
    }

    @Test
    void bigEndianPcapng() throws Exception {
        Reference.assumeTshark();
        for (String name : new String[] {"sites.pcapng", "gquic.pcap", "http2.pcapng", "pgsql2.pcapng", "hls.pcapng"}) {
            Path out = dir.resolve("be-" + name);
            ByteSwapper.swapPcapng(ndpi(name), out);
            assertEquals(0x1a2b3c4d, ByteBuffer.wrap(Files.readAllBytes(out)).getInt(8), name);
            Reference.Ours ours = Reference.assertMatchesTshark(out, true);
            assertSameFrames(Reference.read(ndpi(name)), ours);
        }
    }

    @Test
    void linuxSll2FromTcpdump() throws Exception {
        Reference.assumeTshark();
        // captured with: tcpdump -i any -y LINUX_SLL2 -c 12 -w lo-sll2.pcap 'tcp port 9' (curl to 127.0.0.1 and ::1)
        Path pcap = resource("lo-sll2.pcap");
        Reference.Ours ours = Reference.assertMatchesTshark(pcap, true);
        assertEquals(LinkType.LINUX_SLL2, ours.interfaces.get(0).linkType());
        assertEquals(12, ours.frames.size());
        assertTrue(ours.frames.stream().anyMatch(f -> f.etherType() == 0x86dd));
        assertTrue(ours.frames.stream().anyMatch(f -> f.etherType() == 0x0800));
        Path pcapng = dir.resolve("lo-sll2.pcapng");
        Reference.run("editcap", "-F", "pcapng", pcap.toString(), pcapng.toString());
        assertSameFrames(ours, Reference.assertMatchesTshark(pcapng, true));
    }

    @Test
    void loopbackAndRawIpVariants() throws Exception {
        Reference.assumeTshark();
        // NULL in pcapng, LOOP (108: family in network order), raw IPv4 (228), raw IP nanosecond pcapng
        Path nullPcapng = dir.resolve("null.pcapng");
        Reference.run("editcap", "-F", "pcapng", ndpi("openvpn-tlscrypt.pcap").toString(), nullPcapng.toString());
        assertSameFrames(Reference.read(ndpi("openvpn-tlscrypt.pcap")), Reference.assertMatchesTshark(nullPcapng, true));

        Path loop = dir.resolve("loop.pcap");
        Reference.run("editcap", "-F", "pcap", "-T", "loop", ndpi("openvpn-tlscrypt.pcap").toString(), loop.toString());
        Reference.Ours loopOurs = Reference.assertMatchesTshark(loop, true);
        assertEquals(LinkType.LOOP, loopOurs.interfaces.get(0).linkType());

        Path ipv4 = dir.resolve("rawip4.pcap");
        Reference.run("editcap", "-F", "pcap", "-T", "rawip4", ndpi("ocs.pcap").toString(), ipv4.toString());
        Reference.Ours ipv4Ours = Reference.assertMatchesTshark(ipv4, true);
        assertEquals(LinkType.IPV4, ipv4Ours.interfaces.get(0).linkType());
        assertEquals(228, ipv4Ours.interfaces.get(0).linkTypeCode());
        assertSameFrames(Reference.read(ndpi("ocs.pcap")), ipv4Ours);

        Path raw = dir.resolve("raw-nsec.pcap");
        Reference.run("editcap", "-F", "nsecpcap", ndpi("hls.pcapng").toString(), raw.toString());
        assertSameFrames(Reference.read(ndpi("hls.pcapng")), Reference.assertMatchesTshark(raw, true));
    }

    /**
     * Decimal and binary if_tsresol, if_tsoffset, if_name, SPB (previous timestamp), and every
     * block that is to be skipped, in both byte orders.
     */
    @Test
    void handMadePcapngWithResolutionsOffsetsAndSkippedBlocks() throws Exception {
        for (ByteOrder order : new ByteOrder[] {ByteOrder.LITTLE_ENDIAN, ByteOrder.BIG_ENDIAN}) {
            long base = 1_700_000_000L;
            long base40 = 10_000_000L; // 2^-40 s units reach only 2^24 s: this one is over 2^63 units (unsigned)
            CaptureFile b = CaptureFile.pcapng(order)
                    .interfaceDescription(1, 65535, "eth0", null, null)                 // 10^-6 default
                    .interfaceDescription(1, 0, "eth1", 9, null)                        // 10^-9
                    .interfaceDescription(1, 262144, "bin20", 0x80 | 20, null)          // 2^-20
                    .interfaceDescription(1, 1500, null, 3, 1000L)                      // 10^-3, +1000 s
                    .interfaceDescription(1, 1500, "bin40", 0x80 | 40, null)            // 2^-40
                    .nameResolution()
                    .enhancedPacket(0, base * 1_000_000L + 123_456, ethernetIpv4(1, 60), 60)
                    .customBlock(new byte[] {1, 2, 3, 4, 5})
                    .enhancedPacket(1, base * 1_000_000_000L + 123_456_789, ethernetIpv4(2, 80), 80)
                    .decryptionSecrets("CLIENT_RANDOM x y\n".getBytes(StandardCharsets.US_ASCII))
                    .enhancedPacket(2, (base << 20) + 777_777, ethernetIpv4(3, 64), 1500)
                    .interfaceStatistics(0, base * 1_000_000L)
                    .enhancedPacket(3, base * 1000L + 5, ethernetIpv4(4, 70), 70)
                    .enhancedPacket(4, (base40 << 40) + 123_456_789_012L, ethernetIpv4(5, 60), 60)
                    .simplePacket(ethernetIpv4(6, 90), 90);
            Path file = dir.resolve("hand-" + order + ".pcapng");
            Files.write(file, b.bytes());

            Reference.Ours ours = Reference.read(file);
            assertEquals(6, ours.frames.size());
            assertEquals(List.of("eth0", "eth1", "bin20", "pcapng#3", "bin40"),
                    List.of(ours.interfaces.get(0).name(), ours.interfaces.get(1).name(), ours.interfaces.get(2).name(),
                            ours.interfaces.get(3).name(), ours.interfaces.get(4).name()));
            assertEquals(1L << 20, ours.interfaces.get(2).timestampUnitsPerSecond());
            assertEquals(1000L, ours.interfaces.get(3).timestampOffsetSeconds());
            long[] expected = {
                base * 1_000_000_000L + 123_456_000L,
                base * 1_000_000_000L + 123_456_789L,
                base * 1_000_000_000L + 777_777L * 1_000_000_000L / (1L << 20),
                (base + 1000) * 1_000_000_000L + 5_000_000L,
                base40 * 1_000_000_000L + BigInteger.valueOf(123_456_789_012L)
                        .multiply(BigInteger.valueOf(1_000_000_000L)).shiftRight(40).longValueExact(),
                0
            };
            expected[5] = expected[4]; // a Simple Packet Block has no timestamp: the previous one
            for (int k = 0; k < 6; k++) {
                assertEquals(expected[k], ours.frames.get(k).timestamp, order + " frame " + (k + 1));
            }
            assertEquals(List.of(0, 1, 2, 3, 4, 0), interfaceIndexes(ours));
            assertEquals(1500, ours.frames.get(2).wireLength);
            assertEquals(64, ours.frames.get(2).length);

            if (Reference.tsharkAvailable()) {
                List<Reference.RefFrame> ref = new ArrayList<>(Reference.tshark(file));
                // tshark 4.0 shows the custom block as a record without interface; readers skip it
                assertEquals(7, ref.size());
                assertEquals("", ref.get(1).interfaceId);
                ref.remove(1);
                for (int k = 0; k < 6; k++) {
                    Reference.RefFrame r = ref.get(k);
                    if (k < 4) {
                        // includes 2^-20 and if_tsoffset (which tshark applies too)
                        assertEquals(r.epoch, Reference.epoch(ours.frames.get(k).timestamp), order + " frame " + (k + 1));
                    }
                    // k == 4: tshark 4.0 mis-scales resolutions finer than 1 ns (prints 10000000.011619999);
                    // k == 5: tshark shows no timestamp for a Simple Packet Block
                    assertEquals(r.capLen, ours.frames.get(k).length);
                    assertEquals(r.len, ours.frames.get(k).wireLength);
                    assertEquals(Integer.toString(ours.frames.get(k).interfaceIndex), r.interfaceId);
                    assertEquals("10.0.0." + (k + 1), r.ipSrc);
                }
            }
        }
    }

    private static List<Integer> interfaceIndexes(Reference.Ours ours) {
        List<Integer> list = new ArrayList<>();
        ours.frames.forEach(f -> list.add(f.interfaceIndex));
        return list;
    }

    private static List<Long> timestamps(Reference.Ours ours) {
        List<Long> list = new ArrayList<>();
        ours.frames.forEach(f -> list.add(f.timestamp));
        return list;
    }

    private static void assertSameFrames(Reference.Ours expected, Reference.Ours actual) {
        assertEquals(expected.frames.size(), actual.frames.size());
        for (int k = 0; k < expected.frames.size(); k++) {
            Reference.OurFrame a = expected.frames.get(k);
            Reference.OurFrame b = actual.frames.get(k);
            assertEquals(a.timestamp, b.timestamp, "frame " + (k + 1));
            assertEquals(a.length, b.length, "frame " + (k + 1));
            assertEquals(a.wireLength, b.wireLength, "frame " + (k + 1));
            assertArrayEquals(a.head, b.head, "frame " + (k + 1));
        }
    }

    @Test
    void unsupportedLinkTypes() throws Exception {
        Reference.assumeTshark();
        Path wlan = dir.resolve("wlan.pcap");
        Reference.run("editcap", "-F", "pcap", "-T", "ieee-802-11", ndpi("ssdp-m-search.pcap").toString(), wlan.toString());
        CaptureFormatException e = assertThrows(CaptureFormatException.class, () -> CaptureFileReader.open(wlan));
        assertTrue(e.getMessage().startsWith(wlan.toString() + ": unsupported link type 105"), e.getMessage());

        Path mixed = dir.resolve("mixed.pcapng");
        Reference.run("mergecap", "-w", mixed.toString(), wlan.toString(), ndpi("NTPv2.pcap").toString());
        try (CaptureFileReader reader = CaptureFileReader.open(mixed)) {
            assertEquals(2, reader.interfaces().size());
            assertNull(reader.interfaces().get(0).linkType());
            assertEquals(105, reader.interfaces().get(0).linkTypeCode());
            List<Integer> seen = new ArrayList<>();
            assertEquals(1, reader.readAll((i, ts, f, w) -> seen.add(i)));
            assertEquals(List.of(1), seen);
            assertEquals(19, reader.skippedFrames());
            assertEquals(Map.of("unsupported link type 105", 19L), reader.skippedByCause());
        }
    }
}

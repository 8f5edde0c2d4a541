package org.apptrack.capture.file;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apptrack.capture.frame.EthernetFramer;
import org.apptrack.capture.frame.LinkType;
import org.apptrack.testsupport.data.TestData;
import org.apptrack.testsupport.prereq.Host;
import org.apptrack.testsupport.prereq.Prerequisites;

/**
 * The independent reference: tshark (and the other Wireshark tools that make test files), and
 * the comparison of what {@link CaptureFileReader} delivers with what tshark reads.
 */
final class Reference {

    /** Where the nDPI test captures are (shared test data). */
    static final Path NDPI = TestData.path("ndpi", "pcap");

    private Reference() {
    }

    /** One frame as tshark reads it. */
    static final class RefFrame {
        final String epoch;
        final int capLen;
        final int len;
        final String interfaceId;
        final String ipSrc;
        final String ipv6Src;

        RefFrame(String[] f) {
            epoch = f[0];
            capLen = Integer.parseInt(f[1]);
            len = Integer.parseInt(f[2]);
            interfaceId = f[3];
            ipSrc = f[4];
            ipv6Src = f[5];
        }
    }

    /** One frame as the reader delivered it. */
    static final class OurFrame {
        final int interfaceIndex;
        final long timestamp;
        final int length;
        final int wireLength;
        final byte[] head;

        OurFrame(int interfaceIndex, long timestamp, ByteBuffer frame, int wireLength) {
            this.interfaceIndex = interfaceIndex;
            this.timestamp = timestamp;
            this.length = frame.remaining();
            this.wireLength = wireLength;
            this.head = new byte[Math.min(64, frame.remaining())];
            frame.duplicate().get(head);
        }

        /** The EtherType after any VLAN tags, or -1. */
        int etherType() {
            int p = networkOffset() - 2;
            return p + 2 > head.length ? -1 : ((head[p] & 0xff) << 8) | (head[p + 1] & 0xff);
        }

        /** Where the network layer starts: after the Ethernet header and any VLAN tags. */
        int networkOffset() {
            int p = 12;
            while (p + 6 <= head.length) {
                int type = ((head[p] & 0xff) << 8) | (head[p + 1] & 0xff);
                if (type != 0x8100 && type != 0x88a8 && type != 0x9100) {
                    break;
                }
                p += 4;
            }
            return p + 2;
        }
    }

    /** What a reader delivered from a whole file, with its final counters. */
    static final class Ours {
        final List<OurFrame> frames = new ArrayList<>();
        List<CaptureInterface> interfaces;
        long skipped;
        long truncated;
        long bytesDelivered;
        long bytesRead;
        long fileSize;
    }

    static boolean tsharkAvailable() {
        return Host.commandRuns("tshark", "-v") && Host.commandRuns("capinfos", "-h");
    }

    /** tshark and the Wireshark tools that come with it (capinfos, editcap, mergecap), under the prerequisite policy. */
    static void assumeTshark() {
        Prerequisites.require("tshark and the Wireshark tools", tsharkAvailable());
    }

    /** Runs a tool, failing the test with its output if it fails; returns its standard output. */
    static String run(String... command) throws IOException, InterruptedException {
        File err = File.createTempFile("tool", ".err");
        try {
            Process p = new ProcessBuilder(command).redirectError(err).start();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(300, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                fail("timeout: " + String.join(" ", command));
            }
            if (p.exitValue() != 0) {
                fail(String.join(" ", command) + " failed (" + p.exitValue() + "): "
                        + new String(Files.readAllBytes(err.toPath()), StandardCharsets.UTF_8));
            }
            return new String(out, StandardCharsets.UTF_8);
        } finally {
            Files.deleteIfExists(err.toPath());
        }
    }

    /** tshark's frames of a file: one tshark run with all the fields compared. */
    static List<RefFrame> tshark(Path file) throws IOException, InterruptedException {
        String out = run("tshark", "-n", "-r", file.toString(), "-T", "fields", "-E", "separator=/t", "-E", "occurrence=f",
                "-e", "frame.time_epoch", "-e", "frame.cap_len", "-e", "frame.len", "-e", "frame.interface_id",
                "-e", "ip.src", "-e", "ipv6.src");
        List<RefFrame> frames = new ArrayList<>();
        for (String line : out.split("\n")) {
            if (!line.isEmpty()) {
                frames.add(new RefFrame(Arrays.copyOf(line.split("\t", -1), 6)));
            }
        }
        return frames;
    }

    /** capinfos' frame count. */
    static long capinfosCount(Path file) throws IOException, InterruptedException {
        String out = run("capinfos", "-c", "-M", "-T", "-r", file.toString());
        return Long.parseLong(out.trim().split("\t")[1].trim());
    }

    static Ours read(Path file) throws IOException {
        return read(file, CaptureFileReader.DEFAULT_WINDOW);
    }

    static Ours read(Path file, int window) throws IOException {
        Ours ours = new Ours();
        try (CaptureFileReader reader = CaptureFileReader.open(file, window)) {
            long n = reader.readAll((i, ts, frame, wire) -> ours.frames.add(new OurFrame(i, ts, frame, wire)));
            assertEquals(n, ours.frames.size());
            assertEquals(n, reader.framesDelivered());
            ours.interfaces = reader.interfaces();
            ours.skipped = reader.skippedFrames();
            ours.truncated = reader.truncatedRecords();
            ours.bytesDelivered = reader.bytesDelivered();
            ours.bytesRead = reader.bytesRead();
            ours.fileSize = reader.fileSize();
        }
        return ours;
    }

    static String epoch(long nanos) {
        return Math.floorDiv(nanos, 1_000_000_000L) + "." + String.format("%09d", Math.floorMod(nanos, 1_000_000_000L));
    }

    /**
     * Reads the file and compares every frame with tshark: count, timestamp to the nanosecond,
     * captured and wire length (corrected by the link-header difference), interface id (when
     * {@code compareInterfaceIds}), and the IPv4/IPv6 source address in the delivered bytes.
     */
    static Ours assertMatchesTshark(Path file, boolean compareInterfaceIds) throws Exception {
        Ours ours = read(file);
        assertMatches(file, ours, tshark(file), compareInterfaceIds);
        return ours;
    }

    static void assertMatches(Path file, Ours ours, List<RefFrame> ref, boolean compareInterfaceIds) throws Exception {
        String name = file.getFileName().toString();
        assertEquals(0, ours.skipped, name + ": skipped frames");
        assertEquals(ref.size(), ours.frames.size(), name + ": frame count");
        assertEquals(ours.fileSize, ours.bytesRead, name + ": bytesRead at the end");
        long bytes = 0;
        int addressesCompared = 0;
        boolean tsharkHasAddresses = false;
        for (int k = 0; k < ref.size(); k++) {
            RefFrame r = ref.get(k);
            OurFrame o = ours.frames.get(k);
            String where = name + " frame " + (k + 1);
            LinkType type = ours.interfaces.get(o.interfaceIndex).linkType();
            int delta = type == LinkType.ETHERNET ? 0 : 14 - EthernetFramer.headerLength(type);
            assertEquals(r.epoch, epoch(o.timestamp), where + ": timestamp");
            assertEquals(r.capLen + delta, o.length, where + ": captured length");
            assertEquals(r.len + delta, o.wireLength, where + ": wire length");
            if (compareInterfaceIds) {
                assertEquals(r.interfaceId.isEmpty() ? "0" : r.interfaceId, Integer.toString(o.interfaceIndex),
                        where + ": interface");
            }
            tsharkHasAddresses |= !r.ipSrc.isEmpty() || !r.ipv6Src.isEmpty();
            int ip = o.networkOffset();
            if (o.etherType() == EthernetFramer.ETHERTYPE_IPV4 && !r.ipSrc.isEmpty() && o.head.length >= ip + 16) {
                addressesCompared++;
                assertEquals(r.ipSrc, (o.head[ip + 12] & 0xff) + "." + (o.head[ip + 13] & 0xff) + "."
                        + (o.head[ip + 14] & 0xff) + "." + (o.head[ip + 15] & 0xff), where + ": IPv4 source");
            }
            if (o.etherType() == EthernetFramer.ETHERTYPE_IPV6 && !r.ipv6Src.isEmpty() && o.head.length >= ip + 24) {
                addressesCompared++;
                assertTrue(Arrays.equals(InetAddress.getByName(r.ipv6Src).getAddress(),
                        Arrays.copyOfRange(o.head, ip + 8, ip + 24)), where + ": IPv6 source " + r.ipv6Src);
            }
            bytes += o.length;
        }
        assertEquals(bytes, ours.bytesDelivered, name + ": bytesDelivered");
        assertTrue(addressesCompared > 0 || !tsharkHasAddresses, name + ": no IP source address compared");
    }
}

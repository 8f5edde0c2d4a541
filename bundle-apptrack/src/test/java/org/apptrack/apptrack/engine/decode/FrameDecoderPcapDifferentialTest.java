package org.apptrack.apptrack.engine.decode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import org.apptrack.apptrack.api.IpAddresses;
import org.apptrack.testsupport.data.TestData;
import org.apptrack.testsupport.prereq.Host;
import org.apptrack.testsupport.prereq.Prerequisites;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Differential test: every frame of every Ethernet classic pcap of the shared nDPI corpus is
 * decoded and compared with tshark's view of the OUTER headers (first value of each field).
 */
class FrameDecoderPcapDifferentialTest {

    private static final String[] FIELDS = {"ip.src", "ip.dst", "ipv6.src", "ipv6.dst", "ip.proto", "ipv6.nxt",
        "tcp.srcport", "tcp.dstport", "udp.srcport", "udp.dstport", "ip.len", "ipv6.plen", "vlan.id"};

    private final List<String> mismatches = new ArrayList<>();
    private final TreeMap<String, Integer> tolerated = new TreeMap<>();
    private final List<String> examples = new ArrayList<>();

    @Test
    void matchesTshark() throws Exception {
        List<Path> files = PcapFrames.files();
        Assumptions.assumeFalse(files.isEmpty(), TestData.missing(PcapFrames.DIR));
        Prerequisites.require("tshark", Host.commandRuns("tshark", "-v"));
        FrameDecoder d = new FrameDecoder();
        int filesCompared = 0;
        long framesCompared = 0;
        for (Path file : files) {
            List<byte[]> frames = PcapFrames.read(file);
            if (frames == null) {
                continue;
            }
            List<String[]> rows = tshark(file);
            assertEquals(frames.size(), rows.size(), "frame count of " + file);
            filesCompared++;
            for (int i = 0; i < frames.size(); i++) {
                compare(d, file.getFileName() + "#" + (i + 1), frames.get(i), rows.get(i));
                framesCompared++;
            }
        }
        assertEquals(d.frames(), d.decoded() + d.notIp() + d.malformedTotal());
        StringBuilder summary = new StringBuilder();
        summary.append(String.format("differential: %d files, %d frames, decoded %d, notIp %d, malformed %d%n",
                filesCompared, framesCompared, d.decoded(), d.notIp(), d.malformedTotal()));
        for (MalformedCause c : MalformedCause.values()) {
            if (d.malformed(c) != 0) {
                summary.append("  ").append(c).append(' ').append(d.malformed(c)).append('\n');
            }
        }
        tolerated.forEach((k, v) -> summary.append("  tolerated ").append(k).append(' ').append(v).append('\n'));
        examples.forEach(e -> summary.append("  rejected: ").append(e).append('\n'));
        System.out.print(summary);
        assertTrue(filesCompared > 0, "no Ethernet classic pcap found");
        assertTrue(mismatches.isEmpty(), mismatches.size() + " mismatches, first: "
                + mismatches.subList(0, Math.min(20, mismatches.size())));
    }

    private void compare(FrameDecoder d, String where, byte[] frame, String[] t) {
        long notIpBefore = d.notIp();
        long[] causesBefore = causes(d);
        boolean ok = d.decode(ByteBuffer.wrap(frame));
        boolean tsharkV4 = !first(t[0]).isEmpty();
        boolean tsharkV6 = !first(t[2]).isEmpty();
        if (!ok) {
            if (tsharkV4 || tsharkV6) {
                if (d.notIp() != notIpBefore) {
                    tolerate("tshark-ip-but-not-ip");
                } else {
                    long[] after = causes(d);
                    for (MalformedCause c : MalformedCause.values()) {
                        if (after[c.ordinal()] != causesBefore[c.ordinal()]) {
                            tolerate("tshark-ip-but-" + c);
                            if (examples.size() < 10) {
                                examples.add(where + " " + c);
                            }
                        }
                    }
                }
            }
            return;
        }
        if (d.ipVersion() == 4) {
            if (!tsharkV4) {
                mismatch(where, "decoded IPv4 but tshark has no ip.src", t);
                return;
            }
            check(where, "ip.src", first(t[0]), IpAddresses.format(d.srcHigh(), d.srcLow()), t);
            check(where, "ip.dst", first(t[1]), IpAddresses.format(d.dstHigh(), d.dstLow()), t);
            check(where, "ip.proto", first(t[4]), String.valueOf(d.protocol()), t);
            check(where, "ip.len", first(t[10]), String.valueOf(d.l3Length()), t);
        } else {
            if (!tsharkV6) {
                mismatch(where, "decoded IPv6 but tshark has no ipv6.src", t);
                return;
            }
            check(where, "ipv6.src", first(t[2]), v6(d.srcHigh(), d.srcLow()), t);
            check(where, "ipv6.dst", first(t[3]), v6(d.dstHigh(), d.dstLow()), t);
            String nxt = first(t[5]);
            if (!Arrays.asList("0", "43", "44", "51", "60").contains(nxt)) {
                check(where, "ipv6.nxt", nxt, String.valueOf(d.protocol()), t);
            }
            check(where, "ipv6.plen+40", String.valueOf(Integer.parseInt(first(t[11])) + 40),
                    String.valueOf(d.l3Length()), t);
        }
        if (!d.isFragment() && (d.protocol() == 6 || d.protocol() == 17)) {
            int base = d.protocol() == 6 ? 6 : 8;
            check(where, FIELDS[base], first(t[base]), String.valueOf(d.srcPort()), t);
            check(where, FIELDS[base + 1], first(t[base + 1]), String.valueOf(d.dstPort()), t);
        }
        if (d.isIcmpError()) {
            // tshark lists the quoted header's addresses as the second value
            int col = d.innerIpVersion() == 4 ? 0 : 2;
            String[] src = t[col].split(",");
            String[] dst = t[col + 1].split(",");
            int k = d.ipVersion() == d.innerIpVersion() ? 1 : 0;
            if (src.length > k && dst.length > k) {
                String is = d.innerIpVersion() == 4 ? IpAddresses.format(d.innerSrcHigh(), d.innerSrcLow())
                        : v6(d.innerSrcHigh(), d.innerSrcLow());
                String id = d.innerIpVersion() == 4 ? IpAddresses.format(d.innerDstHigh(), d.innerDstLow())
                        : v6(d.innerDstHigh(), d.innerDstLow());
                check(where, "inner src", src[k], is, t);
                check(where, "inner dst", dst[k], id, t);
                tolerate("icmp-error-inner-compared");
            } else {
                mismatch(where, "icmp error but tshark shows no quoted header", t);
            }
        }
        if (d.isFragment()) {
            tolerate("fragment-ports-not-compared");
        }
        if (!t[12].isEmpty()) {
            for (String vid : t[12].split(",")) {
                int v = Integer.parseInt(vid);
                if (v != d.outerVlan() && v != d.innerVlan()) {
                    mismatch(where, "vlan " + vid + " not in {" + d.outerVlan() + "," + d.innerVlan() + "}", t);
                }
            }
        }
    }

    private static long[] causes(FrameDecoder d) {
        long[] a = new long[MalformedCause.values().length];
        for (MalformedCause c : MalformedCause.values()) {
            a[c.ordinal()] = d.malformed(c);
        }
        return a;
    }

    private static String v6(long high, long low) {
        String s = IpAddresses.format(high, low);
        return IpAddresses.isIpv4Mapped(high, low) ? "::ffff:" + s : s;
    }

    private void check(String where, String field, String expected, String actual, String[] t) {
        if (!expected.equals(actual)) {
            mismatch(where, field + " tshark=" + expected + " decoder=" + actual, t);
        }
    }

    private void mismatch(String where, String what, String[] t) {
        mismatches.add(where + ": " + what + " " + String.join("|", t));
    }

    private void tolerate(String what) {
        tolerated.merge(what, 1, Integer::sum);
    }

    private static String first(String field) {
        int comma = field.indexOf(',');
        return comma < 0 ? field : field.substring(0, comma);
    }

    private static List<String[]> tshark(Path file) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(Arrays.asList("tshark", "-n", "-r", file.toString(), "-T", "fields",
                "-E", "separator=/t"));
        for (String f : FIELDS) {
            cmd.add("-e");
            cmd.add(f);
        }
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (InputStream in = p.getInputStream()) {
            in.transferTo(out);
        }
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "tshark timed out on " + file);
        List<String[]> rows = new ArrayList<>();
        String text = out.toString(StandardCharsets.UTF_8);
        if (text.isEmpty()) {
            return rows;
        }
        for (String line : text.split("\n", -1)) {
            if (!line.isEmpty()) {
                String[] cols = Arrays.copyOf(line.split("\t", -1), FIELDS.length);
                for (int i = 0; i < cols.length; i++) {
                    if (cols[i] == null) {
                        cols[i] = "";
                    }
                }
                rows.add(cols);
            }
        }
        return rows;
    }
}

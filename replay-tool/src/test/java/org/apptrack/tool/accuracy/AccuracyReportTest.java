package org.apptrack.tool.accuracy;

import static org.apptrack.testsupport.packets.Packets.ACK;
import static org.apptrack.testsupport.packets.Packets.PSH;
import static org.apptrack.testsupport.packets.Packets.SYN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apptrack.testsupport.packets.CaptureFile;
import org.apptrack.testsupport.packets.Frames;
import org.apptrack.testsupport.packets.Packets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report end to end on a capture built frame by frame and replayed through the real pipeline
 * (the distribution's configuration), against a hand-made flows.tsv. The flows are chosen so that
 * any classifier must answer them alike: HTTP requests on port 80, DNS on port 53, UDP between
 * two high ports with an empty payload.
 */
class AccuracyReportTest {

    private static final String ETC = Paths.get("..", "karaf-assembly", "src", "main", "resources", "etc").toString();
    private static final int CLIENT = Packets.ip4(10, 0, 0, 1);
    private static final int WEB = Packets.ip4(93, 184, 216, 34);
    private static final int PEER = Packets.ip4(198, 51, 100, 7);
    private static final int RESOLVER = Packets.ip4(192, 0, 2, 53);
    private static final int PINGED = Packets.ip4(203, 0, 113, 9);
    private static final long T0 = 1_700_000_000L;

    @TempDir
    Path dir;
    private Path set;
    private Path names;
    private final List<byte[]> frames = new ArrayList<>();
    private final List<Long> seconds = new ArrayList<>();
    private final StringBuilder flows = new StringBuilder(LabelledFlowsReadingTest.HEADER);

    @BeforeEach
    void writeSetAndNames() throws IOException {
        set = dir.resolve("tiny");
        Files.createDirectories(set.resolve("pcap"));
        names = dir.resolve("names.tsv");
        Files.writeString(names, "ndpi_name\tjunos_application\tjunos_nested_application\n"
                + "HTTP\tHTTP\t\nDNS\tDNS\tUNKNOWN\nICMP\tICMP\t\nSSH\tSSH\t\n");

        // 1. HTTP on port 80, labelled HTTP: master agrees
        http(40000, 0, T0);
        label("TCP", "10.0.0.1", 40000, "93.184.216.34", 80, "", "HTTP", "HTTP", 4);
        // 2. the same kind of flow on VLAN 5, nDPI's src the server; HTTP.ObscureApp: master agrees,
        //    nested (OBSCUREAPP by the rule) does not
        http(40001, 5, T0 + 1);
        label("TCP", "93.184.216.34", 80, "10.0.0.1", 40001, "5", "HTTP", "ObscureApp", 4);
        // 3. HTTP labelled SSH: master disagrees (SSH -> HTTP)
        http(40002, 0, T0 + 2);
        label("TCP", "10.0.0.1", 40002, "93.184.216.34", 80, "", "SSH", "SSH", 4);
        // 4. UDP between high ports, empty payloads, nDPI Unknown: we give no name either
        frame(T0 + 3, Frames.udp(CLIENT, 40003, PEER, 40004, 0));
        frame(T0 + 3, Frames.udp(PEER, 40004, CLIENT, 40003, 0));
        label("UDP", "10.0.0.1", 40003, "198.51.100.7", 40004, "", "Unknown", "Unknown", 2);
        // 5. a DNS exchange nDPI calls Unknown: we name it, confidently
        frame(T0 + 4, Frames.ipv4(Packets.UDP, CLIENT, RESOLVER, Packets.udp(40005, 53, dnsMessage(false))));
        frame(T0 + 4, Frames.ipv4(Packets.UDP, RESOLVER, CLIENT, Packets.udp(53, 40005, dnsMessage(true))));
        label("UDP", "10.0.0.1", 40005, "192.0.2.53", 53, "", "Unknown", "Unknown", 2);
        // 6. one UDP flow for nDPI, two sessions for us (2 packets, then 3 after the 60 s idle timeout)
        for (long t : new long[] {T0 + 5, T0 + 5, T0 + 200, T0 + 200, T0 + 200}) {
            frame(t, Frames.udp(CLIENT, 40006, PEER, 40007, 0));
        }
        label("UDP", "10.0.0.1", 40006, "198.51.100.7", 40007, "", "ObscureGame", "ObscureGame", 5);
        // 7. ICMP echo: nDPI's flow has ports 0, ours the echo identifier
        frame(T0 + 6, Frames.echo(CLIENT, PINGED, false, 77));
        frame(T0 + 6, Frames.echo(PINGED, CLIENT, true, 77));
        label("ICMP", "10.0.0.1", 0, "203.0.113.9", 0, "", "ICMP", "ICMP", 2);
        // 8. labelled, but not in the capture: missing
        label("UDP", "10.0.0.1", 40008, "192.0.2.53", 53, "", "DNS", "DNS", 2);

        CaptureFile pcap = CaptureFile.pcap(ByteOrder.LITTLE_ENDIAN, false, 65535, 1);
        long micros = 0;
        for (int i = 0; i < frames.size(); i++) {
            pcap.record(seconds.get(i), micros += 10, frames.get(i), frames.get(i).length);
        }
        Files.write(set.resolve("pcap").resolve("tiny.pcap"), pcap.bytes());
        Files.writeString(set.resolve("flows.tsv"), flows);
    }

    /** A DNS question for example.com (A, IN), or its answer without records. */
    private static byte[] dnsMessage(boolean response) {
        return org.apptrack.testsupport.packets.Bytes.of().u16(0x4242).u16(response ? 0x8180 : 0x0100).u16(1).u16(0)
                .u16(0).u16(0).u8(7).bytes("example".getBytes(StandardCharsets.US_ASCII)).u8(3)
                .bytes("com".getBytes(StandardCharsets.US_ASCII)).u8(0).u16(1).u16(1).build();
    }

    private void frame(long second, byte[] frame) {
        seconds.add(second);
        frames.add(frame);
    }

    /** A TCP handshake, a GET and its answer, on VLAN {@code vlan} when not 0. */
    private void http(int clientPort, int vlan, long second) {
        byte[] get = "GET / HTTP/1.1\r\nHost: example.com\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
        byte[] ok = "HTTP/1.1 204 No Content\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
        byte[][] packets = {
            Frames.ipv4(Packets.TCP, CLIENT, WEB, Packets.tcp(clientPort, 80, SYN, new byte[0])),
            Frames.ipv4(Packets.TCP, WEB, CLIENT, Packets.tcp(80, clientPort, SYN | ACK, new byte[0])),
            Frames.ipv4(Packets.TCP, CLIENT, WEB, Packets.tcp(clientPort, 80, PSH | ACK, get)),
            Frames.ipv4(Packets.TCP, WEB, CLIENT, Packets.tcp(80, clientPort, PSH | ACK, ok)),
        };
        for (byte[] p : packets) {
            frame(second, vlan == 0 ? p : Packets.vlanTagged(p, vlan));
        }
    }

    private void label(String l4, String src, int srcPort, String dst, int dstPort, String vlan, String master,
                       String app, int packets) {
        flows.append(String.join("\t", "tiny.pcap", l4, src, String.valueOf(srcPort), "<->", dst,
                String.valueOf(dstPort), vlan, master, app, "", String.valueOf(packets), "0", "0", "0", "")).append('\n');
    }

    private String run(String... extra) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        List<String> args = new ArrayList<>(List.of("--names", names.toString(), "--etc", ETC));
        args.addAll(List.of(extra));
        args.add(set.toString());
        int status = AccuracyReport.run(args.toArray(new String[0]), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(0, status, err.toString(StandardCharsets.UTF_8));
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void theThreeFiguresOfAReplayedCapture() throws IOException {
        Evaluation evaluation = new Evaluation(ApplicationNames.read(names), new CaptureReplay(Paths.get(ETC)));
        Tally t = evaluation.evaluate(LabelledSet.read(set)).tally();
        assertEquals(8, t.flows());
        assertEquals(1, t.missing());
        assertEquals(1, t.split());
        assertEquals(3, t.count(Measure.MASTER, Verdict.AGREE), "HTTP twice and ICMP");
        assertEquals(2, t.count(Measure.MASTER, Verdict.DISAGREE), "SSH -> HTTP, OBSCUREGAME -> UNKNOWN");
        assertEquals(1, t.count(Measure.MASTER, Verdict.MISSING));
        assertEquals(1, t.measured(Measure.NESTED));
        assertEquals(1, t.count(Measure.NESTED, Verdict.DISAGREE), "OBSCUREAPP -> UNKNOWN");
        assertEquals(2, t.matched(Measure.UNKNOWN));
        assertEquals(1, t.count(Measure.UNKNOWN, Verdict.DISAGREE), "the DNS exchange nDPI calls Unknown");
    }

    @Test
    void theMarkdownReportAndTheFlowTable() throws IOException {
        Path table = dir.resolve("flows-out.tsv");
        String report = run("--flows", table.toString(), "--per-capture");
        assertTrue(report.contains("| `tiny` | 1 | 8 | 1 | 1 | 50.0% (3/6) | 60.0% (3/5) | 0.0% (0/1) | 0.0% (0/1)"
                + " | 50.0% (1/2) |"), report);
        assertTrue(report.contains("| SSH | HTTP | 1 | SSH | tiny/tiny.pcap |"), report);
        assertTrue(report.contains("| OBSCUREAPP | UNKNOWN | 1 | HTTP.ObscureApp | tiny/tiny.pcap |"), report);
        assertTrue(report.contains("| DNS | UNKNOWN | 1 | UDP | tiny/tiny.pcap |"), "confident on Unknown: " + report);
        assertTrue(report.contains("| UDP: no session with these endpoints (AppTrack makes none of a malformed packet) | 1 | DNS |"), report);
        assertTrue(report.contains("| tiny/tiny.pcap | 8 | 8 | 1 | 1 |"), "8 sessions (the split flow's two): " + report);

        List<String> lines = Files.readAllLines(table);
        assertEquals(String.join("\t", FlowsTable.COLUMNS), lines.get(0));
        assertEquals(9, lines.size());
        Map<String, String> split = row(lines, 6);
        assertEquals("2", split.get("sessions"));
        assertEquals("3", split.get("session_packets"), "the session with the most packets stands for the flow");
        assertEquals("disagree", split.get("master"));
        Map<String, String> onVlan = row(lines, 2);
        assertEquals("5", onVlan.get("vlan"));
        assertEquals("HTTP", onVlan.get("application"));
        assertEquals("agree", onVlan.get("master"));
        assertEquals("disagree", onVlan.get("nested"));
        Map<String, String> icmp = row(lines, 7);
        assertEquals("ICMP", icmp.get("application"));
        assertEquals("2", icmp.get("session_packets"));
        Map<String, String> missing = row(lines, 8);
        assertEquals("missing", missing.get("master"));
        assertEquals("", missing.get("application"));
    }

    /** Line {@code n} of the flow table (1: the first flow) by column. */
    private static Map<String, String> row(List<String> lines, int n) {
        String[] v = lines.get(n).split("\t", -1);
        Map<String, String> m = new HashMap<>();
        for (int i = 0; i < FlowsTable.COLUMNS.size(); i++) {
            m.put(FlowsTable.COLUMNS.get(i), v[i]);
        }
        return m;
    }

    @Test
    void badInputIsNamed() throws IOException {
        Files.writeString(set.resolve("flows.tsv"), LabelledFlowsReadingTest.HEADER
                + "tiny.pcap\tTCP\t10.0.0.1\tport\t<->\t10.0.0.2\t80\t\tHTTP\tHTTP\t\t1\t0\t0\t0\t\n");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = AccuracyReport.run(new String[] {"--names", names.toString(), "--etc", ETC, set.toString()},
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(1, status);
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("line 2: column src_port"), err.toString());
        assertThrows(IllegalArgumentException.class, () -> AccuracyReport.Options.parse(new String[] {set.toString()}),
                "the naming table is required");
        assertThrows(IllegalArgumentException.class,
                () -> AccuracyReport.Options.parse(new String[] {"--names", names.toString(), "--top", "0", "x"}));
    }

    @Test
    void aCaptureThatIsMissingLeavesItsFlowsMissingWithThatCause() throws IOException {
        Files.delete(set.resolve("pcap").resolve("tiny.pcap"));
        String report = run();
        assertTrue(report.contains("| capture not read | 8 |"), report);
        assertTrue(report.contains("no such file"), report);
    }
}

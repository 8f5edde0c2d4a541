package org.apptrack.tool.accuracy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** flows.tsv and ndpiReader's result lines: what is read, and bad input named precisely. */
class LabelledFlowsReadingTest {

    static final String HEADER = "file\tl4\tsrc_ip\tsrc_port\tdir\tdst_ip\tdst_port\tvlan\tmaster_proto\tapp_proto"
            + "\tcategory\tc2s_pkts\tc2s_bytes\ts2c_pkts\ts2c_bytes\thostname\n";

    @TempDir
    Path dir;

    private List<LabelledFlow> read(String text) throws IOException {
        Path tsv = dir.resolve("flows.tsv");
        Files.writeString(tsv, text);
        return FlowsTsv.read(tsv, "mine");
    }

    @Test
    void readsEveryColumnTheReportUses() throws IOException {
        List<LabelledFlow> flows = read(HEADER
                + "a.pcap\tTCP\t10.0.0.1\t40000\t<->\t93.184.216.34\t443\t5\tTLS\tYouTube\tMedia\t7\t900\t9\t9000\twww.youtube.com\n"
                + "a.pcap\tICMPV6\t::1\t0\t->\t::1\t0\t\tICMPV6\tICMPV6\tNetwork\t6\t600\t0\t0\t\n"
                + "b.pcap\t254\t10.0.0.2\t0\t->\t10.0.0.3\t0\t\tUnknown\tUnknown\t\t1\t60\t0\t0\t\n");
        assertEquals(3, flows.size());
        LabelledFlow f = flows.get(0);
        assertEquals(new LabelledFlow("mine", "a.pcap", 2, "TCP", 6, "10.0.0.1", 40000, "93.184.216.34", 443, 5, "TLS",
                "YouTube", 7, 9, "www.youtube.com", "", ""), f);
        assertEquals("TLS.YouTube", f.label());
        assertTrue(f.nested());
        assertEquals(58, flows.get(1).protocol());
        assertEquals(0, flows.get(1).vlan(), "an empty vlan is untagged");
        assertEquals(254, flows.get(2).protocol());
        assertTrue(flows.get(2).unknown());
    }

    @Test
    void columnsAreFoundByTheirHeaderInAnyOrder() throws IOException {
        List<LabelledFlow> flows = read("master_proto\tapp_proto\tfile\tl4\tsrc_ip\tsrc_port\tdst_ip\tdst_port\tvlan"
                + "\tc2s_pkts\ts2c_pkts\nDNS\tDNS\tc.pcap\tUDP\t10.0.0.1\t5000\t10.0.0.2\t53\t\t1\t1\n");
        assertEquals("DNS", flows.get(0).label());
        assertEquals(53, flows.get(0).dstPort());
    }

    @Test
    void aBadValueFailsTheFileNamingLineAndColumn() {
        IOException e = assertThrows(IOException.class, () -> read(HEADER
                + "a.pcap\tTCP\t10.0.0.1\t40000\t<->\t93.184.216.34\t443\t\tTLS\tTLS\tWeb\t1\t60\t1\t60\t\n"
                + "a.pcap\tTCP\t10.0.0.1\t70000\t<->\t93.184.216.34\t443\t\tTLS\tTLS\tWeb\t1\t60\t1\t60\t\n"));
        assertTrue(e.getMessage().contains("line 3: column src_port: not a number from 0 to 65535: '70000'"),
                e.getMessage());
        e = assertThrows(IOException.class, () -> read(HEADER
                + "a.pcap\tSCTPX\t10.0.0.1\t1\t->\t10.0.0.2\t2\t\tX\tX\t\t1\t60\t0\t0\t\n"));
        assertTrue(e.getMessage().contains("line 2: column l4: not an IP protocol: 'SCTPX'"), e.getMessage());
        e = assertThrows(IOException.class, () -> read("file\tl4\n"));
        assertTrue(e.getMessage().contains("no column 'src_ip'"), e.getMessage());
    }

    @Test
    void resultLinesGiveTunnelAndConfidenceJoinedRowByRow() throws IOException {
        Path out = dir.resolve("x.pcap.out");
        Files.writeString(out, String.join("\n",
                "JA3 Host Stats:",
                "\t1\t 10.10.20.4               \t 1      ",
                "",
                "\t1\tTCP 10.10.20.4:45228 <-> 157.240.224.35:443 [VLAN: 5][proto: VXLAN:91.119/TLS.Facebook]"
                        + "[IP: 119/Facebook][Encrypted][Confidence: DPI][DPI packets: 6]",
                "\t2\tUDP [2001:db8::1]:5353 -> [ff02::fb]:5353 [proto: 8/MDNS][IP: 0/Unknown][ClearText]"
                        + "[Confidence: Match by port][DPI packets: 1]",
                ""));
        List<NdpiResults.Line> lines = NdpiResults.read(out);
        assertEquals(List.of(new NdpiResults.Line("TCP", 45228, 443, "VXLAN", "DPI"),
                new NdpiResults.Line("UDP", 5353, 5353, "", "Match by port")), lines);

        LabelledFlow tcp = new LabelledFlow("s", "x.pcap", 2, "TCP", 6, "10.10.20.4", 45228, "157.240.224.35", 443, 5,
                "TLS", "Facebook", 35, 56, "", "", "");
        LabelledFlow udp = new LabelledFlow("s", "x.pcap", 3, "UDP", 17, "2001:db8::1", 5353, "ff02::fb", 5353, 0,
                "MDNS", "MDNS", 1, 0, "", "", "");
        List<LabelledFlow> joined = NdpiResults.join(List.of(tcp, udp), lines);
        assertEquals("VXLAN", joined.get(0).tunnel());
        assertEquals("Match by port", joined.get(1).confidence());
        assertNull(NdpiResults.join(List.of(udp, tcp), lines), "rows out of step are not joined");
        assertNull(NdpiResults.join(List.of(tcp), lines));
    }
}

package org.apptrack.tool;

import static org.apptrack.testsupport.packets.Packets.ACK;
import static org.apptrack.testsupport.packets.Packets.ETHERTYPE_IPV4;
import static org.apptrack.testsupport.packets.Packets.ETHERTYPE_IPV6;
import static org.apptrack.testsupport.packets.Packets.ICMP;
import static org.apptrack.testsupport.packets.Packets.SYN;
import static org.apptrack.testsupport.packets.Packets.TCP;
import static org.apptrack.testsupport.packets.Packets.UDP;
import static org.apptrack.testsupport.packets.Packets.address;
import static org.apptrack.testsupport.packets.Packets.cat;
import static org.apptrack.testsupport.packets.Packets.ether;
import static org.apptrack.testsupport.packets.Packets.ext;
import static org.apptrack.testsupport.packets.Packets.frag6;
import static org.apptrack.testsupport.packets.Packets.icmp;
import static org.apptrack.testsupport.packets.Packets.ipv4;
import static org.apptrack.testsupport.packets.Packets.ipv6;
import static org.apptrack.testsupport.packets.Packets.payload;
import static org.apptrack.testsupport.packets.Packets.tcp;
import static org.apptrack.testsupport.packets.Packets.udp;
import static org.apptrack.testsupport.packets.Packets.vlanTagged;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apptrack.testsupport.packets.CaptureFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link CaptureFlowCounts} on a capture whose every frame is known. */
class CaptureFlowCountsTest {

    @Test
    void countsFlowsAsNdpiReaderDoes(@TempDir Path dir) throws Exception {
        byte[] server6 = address("fd77::1");
        byte[] client6 = address("fd77::2");
        List<byte[]> frames = List.of(
                // TCP 10.0.0.2:40000 -> 10.0.0.1:21, answered; the server's SYN-ACK is in the same flow
                ether(ETHERTYPE_IPV4, ipv4(TCP, "10.0.0.2", "10.0.0.1", tcp(40000, 21, SYN, new byte[0]))),
                ether(ETHERTYPE_IPV4, ipv4(TCP, "10.0.0.1", "10.0.0.2", tcp(21, 40000, SYN | ACK, new byte[0]))),
                ether(ETHERTYPE_IPV4, ipv4(TCP, "10.0.0.2", "10.0.0.1", tcp(40000, 21, ACK, payload(10)))),
                // not IP: an ARP frame counts nowhere
                ether(0x0806, payload(28)),
                // the server opens the next flow first (FTP active data): it is src
                ether(ETHERTYPE_IPV4, ipv4(TCP, "10.0.0.1", "10.0.0.2", tcp(20, 40010, SYN, new byte[0]))),
                // UDP over IPv6 behind a hop-by-hop header, one way only; VLAN-tagged the second time
                ether(ETHERTYPE_IPV6, ipv6(0, client6, server6, cat(ext(UDP, 0), udp(41700, 161, payload(20))))),
                vlanTagged(ether(ETHERTYPE_IPV6, ipv6(UDP, client6, server6, udp(41700, 161, payload(5)))), 7),
                // a later IPv6 fragment counts nowhere
                ether(ETHERTYPE_IPV6, ipv6(44, client6, server6, cat(frag6(UDP, 8, false, 9), payload(8)))),
                // ICMP has ports 0: echo and reply are one flow
                ether(ETHERTYPE_IPV4, ipv4(ICMP, "10.0.0.2", "10.0.0.1", icmp(8, 0, 1, 1, payload(8)))),
                ether(ETHERTYPE_IPV4, ipv4(ICMP, "10.0.0.1", "10.0.0.2", icmp(0, 0, 1, 1, payload(8)))));
        CaptureFile file = CaptureFile.pcap(ByteOrder.LITTLE_ENDIAN, false, 65535, 1);
        for (int i = 0; i < frames.size(); i++) {
            file.record(1_700_000_000L + i, 0, frames.get(i), frames.get(i).length);
        }
        Path pcap = dir.resolve("known.pcap");
        Files.write(pcap, file.bytes());

        CaptureFlowCounts counts = CaptureFlowCounts.of(pcap);

        List<String> flows = new ArrayList<>();
        counts.flows().values().forEach(f -> flows.add(f.toString()));
        assertEquals(List.of(
                "10.0.0.2:40000 -> 10.0.0.1:21 [2 pkts/" + (frames.get(0).length + frames.get(2).length)
                        + " bytes, 1 pkts/" + frames.get(1).length + " bytes]",
                "10.0.0.1:20 -> 10.0.0.2:40010 [1 pkts/" + frames.get(4).length + " bytes, 0 pkts/0 bytes]",
                "[fd77:0:0:0:0:0:0:2]:41700 -> [fd77:0:0:0:0:0:0:1]:161 [2 pkts/"
                        + (frames.get(5).length + frames.get(6).length) + " bytes, 0 pkts/0 bytes]",
                "10.0.0.2:0 -> 10.0.0.1:0 [1 pkts/" + frames.get(8).length + " bytes, 1 pkts/" + frames.get(9).length
                        + " bytes]"),
                flows);
        assertEquals(2, counts.notCounted(), "the ARP frame and the later fragment");
    }
}

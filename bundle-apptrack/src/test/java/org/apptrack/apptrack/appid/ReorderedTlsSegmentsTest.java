package org.apptrack.apptrack.appid;

import static org.apptrack.testsupport.packets.Packets.A;
import static org.apptrack.testsupport.packets.Packets.ACK;
import static org.apptrack.testsupport.packets.Packets.B;
import static org.apptrack.testsupport.packets.Packets.PSH;
import static org.apptrack.testsupport.packets.Packets.SYN;
import static org.apptrack.testsupport.packets.Packets.TCP;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apptrack.apptrack.appid.flows.CaptureFlows;
import org.apptrack.apptrack.appid.flows.Flow;
import org.apptrack.apptrack.appid.flows.GroundTruth;
import org.apptrack.apptrack.appid.tls.ClientHelloInfo;
import org.apptrack.apptrack.appid.tls.ClientHelloParser;
import org.apptrack.apptrack.appid.tls.TlsStatus;
import org.apptrack.testsupport.data.TestData;
import org.apptrack.testsupport.packets.Frames;
import org.apptrack.testsupport.packets.Packets;
import org.apptrack.testsupport.prereq.Prerequisites;
import org.junit.jupiter.api.Test;

/**
 * A ClientHello cut into TCP segments that arrive out of order, twice or overlapping, through
 * the real engine: the dissector places each segment by its sequence number, so the hello, and
 * the name it carries, come out whole.
 */
class ReorderedTlsSegmentsTest {

    private static final int ISN = 0xffff_ff00; // the stream's bytes wrap past 2^32

    @Test
    void aHelloWhoseSegmentsArriveOutOfOrderTwiceAndOverlappingIsNamedByItsServerName() throws IOException {
        int checked = 0;
        for (byte[] hello : hellos()) {
            String name = serverName(hello);
            int third = hello.length / 3;
            int[][] arrivals = {
                {0, third}, {2 * third, hello.length}, {0, third}, {third, 2 * third},
            };
            assertEquals("SSL/NAMED", replay(hello, name, arrivals), name + ": out of order, then the gap filled");
            int[][] overlapping = {
                {0, third}, {0, third}, {third / 2, 2 * third}, {2 * third - 7, hello.length},
            };
            assertEquals("SSL/NAMED", replay(hello, name, overlapping), name + ": retransmitted and overlapping");
            checked++;
        }
        assertTrue(checked > 0, "no ClientHello long enough to cut in three");
    }

    @Test
    void aSegmentSentTwiceIsNotReadTwice() throws IOException {
        byte[] hello = hellos().get(0);
        String name = serverName(hello);
        int half = hello.length / 2;
        // read in arrival order, the retransmitted first half would be taken as the hello's second half
        assertEquals("SSL/NAMED", replay(hello, name, new int[][] {{0, half}, {0, half}, {half, hello.length}}));
    }

    /** The application and nested application of a session whose ClientHello arrives as {@code arrivals} (byte ranges). */
    private static String replay(byte[] hello, String name, int[][] arrivals) {
        NamingEngine engine = new NamingEngine(new TestCatalog().host(name, "NAMED").port(TCP, 443, "SSL"), 8192);
        engine.frame(Frames.tcp(A, 40000, B, 443, SYN));
        engine.frame(Frames.tcp(B, 443, A, 40000, SYN | ACK));
        for (int[] range : arrivals) {
            byte[] payload = Arrays.copyOfRange(hello, range[0], range[1]);
            engine.frame(Frames.ipv4(TCP, A, B, Packets.tcpSeq(40000, 443, PSH | ACK, ISN + 1 + range[0], payload)));
        }
        List<String> closed = engine.closeAll();
        assertEquals(1, closed.size());
        return closed.get(0);
    }

    /** Whole ClientHello records (with a server name, long enough to cut in three) of sites.pcapng's client streams. */
    private static List<byte[]> hellos() throws IOException {
        Path capture = GroundTruth.capture("ndpi", "sites.pcapng");
        Prerequisites.optional(TestData.missing(capture), Files.isRegularFile(capture));
        List<byte[]> out = new ArrayList<>();
        for (Flow flow : CaptureFlows.read(capture)) {
            ByteArrayOutputStream stream = new ByteArrayOutputStream();
            for (Flow.Packet p : flow.packets(true)) {
                stream.write(p.frame(), p.payloadOffset(), p.payloadLength());
            }
            byte[] s = stream.toByteArray();
            if (flow.protocol() != 6 || s.length < 9 || s[0] != 0x16 || s[5] != 1) {
                continue;
            }
            int record = 5 + ((s[3] & 0xff) << 8 | s[4] & 0xff);
            if (record <= s.length && record >= 300 && serverName(Arrays.copyOf(s, record)) != null) {
                out.add(Arrays.copyOf(s, record));
            }
            if (out.size() == 5) {
                break;
            }
        }
        return out;
    }

    private static String serverName(byte[] record) {
        ClientHelloInfo info = new ClientHelloInfo();
        if (ClientHelloParser.parse(ByteBuffer.wrap(record), 5, record.length - 5, info) != TlsStatus.COMPLETE
                || !info.serverName().isPresent()) {
            return null;
        }
        return info.serverName().toString();
    }
}

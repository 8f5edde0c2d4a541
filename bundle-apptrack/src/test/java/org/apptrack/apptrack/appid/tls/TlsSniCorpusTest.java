package org.apptrack.apptrack.appid.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apptrack.apptrack.appid.flows.CaptureFlows;
import org.apptrack.apptrack.appid.flows.Flow;
import org.apptrack.apptrack.appid.flows.GroundTruth;
import org.apptrack.apptrack.engine.classify.ClassificationPool;
import org.apptrack.apptrack.engine.classify.ClassificationState;
import org.apptrack.testsupport.data.TestData;
import org.apptrack.testsupport.prereq.Prerequisites;
import org.junit.jupiter.api.Test;

/**
 * Every TLS-over-TCP flow of both nDPI sets that nDPI names with a host name: the server name our
 * reassembler reads from the client's segments is nDPI's (which for TLS is the SNI).
 */
class TlsSniCorpusTest {

    @Test
    void theServerNameOfEveryLabelledTlsFlowIsNdpis() throws IOException {
        Path root = GroundTruth.set("ndpi");
        Prerequisites.optional(TestData.missing(root), Files.isDirectory(root));
        List<String> disagreements = new ArrayList<>();
        int compared = 0;
        int tunnelled = 0;
        for (String set : new String[] {"ndpi", "ndpi-extended"}) {
            Map<String, List<Flow>> byFile = new HashMap<>();
            for (GroundTruth.Row row : GroundTruth.rows(set)) {
                if (!"TCP".equals(row.l4) || !"TLS".equals(row.master) || row.hostname.isEmpty()) {
                    continue;
                }
                List<Flow> flows = byFile.get(row.file);
                if (flows == null) {
                    flows = CaptureFlows.read(GroundTruth.capture(set, row.file));
                    byFile.put(row.file, flows);
                }
                Flow flow = row.find(flows);
                if (flow == null) {
                    tunnelled++; // inside GTP, VXLAN, CAPWAP or IPv4-in-IPv6, which the flow reader does not open
                    continue;
                }
                String ours = serverName(flow);
                compared++;
                if (!row.hostname.toLowerCase(Locale.ROOT).equals(ours.toLowerCase(Locale.ROOT))) {
                    disagreements.add(row + " ours=[" + ours + "]");
                }
            }
        }
        assertTrue(compared > 340 && tunnelled < 20, "TLS flows with a host name in the sets: " + compared
                + " compared, " + tunnelled + " in tunnels");
        assertEquals(List.of(), disagreements);
    }

    /** The server name of the first direction whose stream starts with a ClientHello. */
    static String serverName(Flow flow) {
        for (boolean fromClient : new boolean[] {true, false}) {
            ClassificationPool pool = new ClassificationPool(1, 1 << 16);
            ClassificationState state = pool.state(pool.acquire());
            TlsStreamReassembler r = new TlsStreamReassembler(0, 0, 0xffff);
            ClientHelloInfo hello = new ClientHelloInfo();
            TlsStatus st = TlsStatus.NEED_MORE;
            for (Flow.Packet p : flow.packets(fromClient)) {
                st = r.offerClientHello(state, p.seq(), p.buffer(), p.payloadOffset(), p.payloadLength(), hello);
                if (st != TlsStatus.NEED_MORE) {
                    break;
                }
            }
            if (st == TlsStatus.COMPLETE) {
                return hello.serverName().toString();
            }
        }
        return "";
    }
}

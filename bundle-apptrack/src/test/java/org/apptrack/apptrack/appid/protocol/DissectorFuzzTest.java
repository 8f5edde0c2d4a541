package org.apptrack.apptrack.appid.protocol;

import org.apptrack.apptrack.appid.NamesCatalog;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apptrack.apptrack.appid.dissect.Dissector;
import org.apptrack.apptrack.appid.flows.CaptureFlows;
import org.apptrack.apptrack.appid.flows.Flow;
import org.apptrack.apptrack.appid.flows.SeededMutator;
import org.apptrack.testsupport.data.TestData;
import org.junit.jupiter.api.Test;

/**
 * Every dissector over the first payloads of every flow of the nDPI developer captures, as they
 * are and mutated (a seeded mutator: reproducible): no exception escapes, every verdict is one of
 * the four, whatever the bytes.
 */
class DissectorFuzzTest {

    private static final int PAYLOADS = 6;
    private static final int MUTATIONS = 3;

    @Test
    void noPayloadRealOrMutatedThrowsOrGetsAnUnknownVerdict() throws IOException {
        Path dir = TestData.path("ndpi", "pcap");
        assumeTrue(Files.isDirectory(dir), TestData.missing(dir));
        List<Path> captures;
        try (Stream<Path> s = Files.list(dir)) {
            captures = s.sorted().collect(Collectors.toList());
        }
        NamesCatalog catalog = new NamesCatalog();
        SeededMutator mutator = new SeededMutator(20261206L);
        List<String> failures = new ArrayList<>();
        int offered = 0;
        for (Path capture : captures) {
            for (Flow flow : CaptureFlows.read(capture)) {
                if (flow.protocol() != 6 && flow.protocol() != 17) {
                    continue;
                }
                List<Flow.Packet> packets = flow.packets();
                for (int round = 0; round <= MUTATIONS; round++) {
                    for (Dissector d : StandardDissectors.create(catalog)) {
                        if (!d.accepts(flow.protocol())) {
                            continue;
                        }
                        DissectorHarness h = new DissectorHarness(d, flow.protocol(), flow.clientPort(),
                                flow.serverPort());
                        for (int i = 0; i < Math.min(PAYLOADS, packets.size()); i++) {
                            Flow.Packet p = packets.get(i);
                            if (p.payloadLength() == 0) {
                                continue;
                            }
                            byte[] payload = round == 0 ? p.payload() : mutator.mutate(p.payload());
                            try {
                                int v = p.fromClient() ? h.client(payload) : h.server(payload);
                                offered++;
                                if (v < Dissector.NOT_THIS || v > Dissector.IDENTIFIED) {
                                    failures.add(d.name() + " " + capture.getFileName() + ": verdict " + v);
                                }
                                if (v == Dissector.NOT_THIS || v == Dissector.IDENTIFIED) {
                                    break;
                                }
                            } catch (RuntimeException e) {
                                failures.add(d.name() + " " + capture.getFileName() + " " + flow + ": " + e);
                                break;
                            }
                        }
                    }
                }
            }
        }
        assertTrue(offered > 10_000, "payloads offered: " + offered);
        assertTrue(failures.isEmpty(), failures.size() + " failures, first: " + failures.subList(0,
                Math.min(5, failures.size())));
    }
}

package org.apptrack.apptrack.appid.protocol;

import org.apptrack.apptrack.appid.NamesCatalog;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apptrack.apptrack.appid.dissect.Dissector;
import org.apptrack.apptrack.appid.flows.CaptureFlows;
import org.apptrack.apptrack.appid.flows.Flow;
import org.apptrack.apptrack.appid.flows.SeededMutator;
import org.apptrack.testsupport.data.TestData;
import org.junit.jupiter.api.Test;

/**
 * Every dissector over the first payloads of every flow of the nDPI developer captures and of the
 * fuzzed and malformed captures of the extended set, as they are and mutated (a seeded mutator:
 * reproducible): no exception escapes, every verdict is one of the four, whatever the bytes.
 */
class DissectorFuzzTest {

    private static final int PAYLOADS = 6;
    private static final int MUTATIONS = 3;

    /** The fuzzed and malformed captures of the extended set, by their names. */
    private static final Pattern DAMAGED = Pattern.compile(
            "(?i).*(fuzz|malformed|crash|overflow|invalid|bad|segv|trunc|broken|corrupt).*");

    @Test
    void noPayloadRealOrMutatedThrowsOrGetsAnUnknownVerdict() throws IOException {
        Path dir = TestData.path("ndpi", "pcap");
        assumeTrue(Files.isDirectory(dir), TestData.missing(dir));
        int offered = fuzz(captures(dir, null));
        assertTrue(offered > 10_000, "payloads offered: " + offered);
    }

    @Test
    void theFuzzedAndMalformedCapturesOfTheExtendedSetThrowNothing() throws IOException {
        Path dir = TestData.path("ndpi-extended", "pcap");
        assumeTrue(Files.isDirectory(dir), TestData.missing(dir));
        List<Path> damaged = captures(dir, DAMAGED);
        assertTrue(damaged.size() >= 10, "damaged captures: " + damaged);
        int offered = fuzz(damaged);
        assertTrue(offered > 1_000, "payloads offered: " + offered);
    }

    private static List<Path> captures(Path dir, Pattern names) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> names == null || names.matcher(p.getFileName().toString()).matches()).sorted()
                    .collect(Collectors.toList());
        }
    }

    /** Offers every flow's first payloads, as they are and mutated, to every dissector; returns how many. */
    private static int fuzz(List<Path> captures) {
        NamesCatalog catalog = new NamesCatalog();
        SeededMutator mutator = new SeededMutator(20261206L);
        List<String> failures = new ArrayList<>();
        int offered = 0;
        for (Path capture : captures) {
            List<Flow> flows;
            try {
                flows = CaptureFlows.read(capture);
            } catch (IOException | RuntimeException e) {
                continue; // a capture file the reader refuses (a corrupt header) has no payloads to offer
            }
            for (Flow flow : flows) {
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
        assertTrue(failures.isEmpty(), failures.size() + " failures, first: " + failures.subList(0,
                Math.min(5, failures.size())));
        return offered;
    }
}
